//! The least a Tauri window can be: one window on a static page with an
//! editable paragraph, no commands, no state. `benches/cold_start.rs`
//! launches it beside Byline, built with the same profile, as the baseline
//! Byline's cold start is measured against (`make bench`).

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!(
        "examples/minimal_window/tauri.conf.json"
    )) {
        eprintln!("minimal window: {e}");
        std::process::exit(1);
    }
}
