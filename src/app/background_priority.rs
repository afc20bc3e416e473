//! Background work that yields to the window: the calling thread's scheduling priority is
//! lowered, so a scan may use every core while the window's thread, at the normal priority,
//! gets a core at once whenever it draws a frame.

/// The nice value given to background threads (0 is normal, 19 the lowest priority).
const BACKGROUND_NICE: i32 = 10;

/// Lowers the calling thread's priority (threads it starts afterwards inherit it); one
/// already as low is left. Returns whether it is now low; where it cannot be (another
/// system, a refusal), the caller keeps a core free for the window instead.
pub fn lower_this_thread() -> bool {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{getpriority_process, setpriority_process};
        // On Linux a thread id names one thread of the process: only this thread changes.
        let this = Some(rustix::thread::gettid());
        match getpriority_process(this) {
            Ok(nice) if nice >= BACKGROUND_NICE => true,
            _ => setpriority_process(this, BACKGROUND_NICE).is_ok(),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use rustix::process::getpriority_process;
    use rustix::thread::gettid;

    #[test]
    fn only_the_thread_lowered_runs_at_the_background_priority() {
        let before = getpriority_process(Some(gettid())).unwrap();
        let (lowered, nice) =
            std::thread::spawn(|| (lower_this_thread(), getpriority_process(Some(gettid())).unwrap())).join().unwrap();
        assert!(lowered);
        assert_eq!(nice, before.max(BACKGROUND_NICE));
        assert_eq!(getpriority_process(Some(gettid())).unwrap(), before, "the calling thread keeps its priority");
    }
}
