//! The application without its window: the open session and what is derived from it (the
//! workspace with the screening's view, the session browser). No egui: the window (`ui`)
//! renders it and sends edits; tests and tools drive it directly.

pub mod folder_scan;
pub mod printing;
pub mod scan_priority;
pub mod session_browser;
pub mod summary_cache;
pub mod workspace;
