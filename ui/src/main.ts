import { mount } from "svelte";
import App from "./App.svelte";
import { guardLinks } from "./lib/links";
import "../../assets/article.css";
import "./styles/app.css";

guardLinks(document, (error) => console.error("byline: could not open the link", error));
mount(App, { target: document.getElementById("app")! });
