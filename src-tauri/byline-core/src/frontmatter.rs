//! Front matter: the YAML or TOML header of a Markdown file.
