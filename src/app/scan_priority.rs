//! The priority of a folder scan's worker threads. `trialscreen log` runs every worker at
//! normal priority. The session browser scans while the window draws: its first worker runs
//! at normal priority, so the scan goes on at that pace however busy the machine is, and its
//! other workers run at the lowest priority, so they use only cores nothing else wants and a
//! frame of the window never waits behind them. (Every worker at a lower priority was tried
//! before: with other programs busy the scan all but stopped.)

/// How a scan's workers are scheduled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanPriority {
    /// Every worker as every other thread (the screening log on the command line).
    Normal,
    /// The first worker as every other thread, the others behind every other thread of the
    /// machine (the session browser, beside the window).
    BesideTheWindow,
}

impl ScanPriority {
    /// Applies the priority of worker `worker` (0: the first) to the calling thread.
    /// Lowering a thread's own priority needs no privilege; where the system refuses or
    /// cannot do it, the worker runs at normal priority (it is only slower to give way),
    /// which is not worth telling the user.
    pub fn apply_to_this_thread(self, worker: usize) {
        if self == Self::BesideTheWindow && worker > 0 {
            lower_this_thread();
        }
    }
}

/// The lowest nice value: the scheduler gives such a thread about 1.5 % of a core that a
/// normal thread wants.
#[cfg(target_os = "linux")]
const LOWEST: i32 = 19;

#[cfg(target_os = "linux")]
fn lower_this_thread() {
    // On Linux, `setpriority(PRIO_PROCESS, tid)` sets one thread's nice value, not the
    // process's (see setpriority(2), "BUGS"): the window's thread keeps its own.
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), LOWEST);
}

#[cfg(not(target_os = "linux"))]
fn lower_this_thread() {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn beside_the_window_lowers_every_worker_but_the_first_and_only_that_thread() {
        let own = || rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap();
        let before = own();
        let worker = |priority: ScanPriority, index: usize| {
            std::thread::spawn(move || {
                priority.apply_to_this_thread(index);
                own()
            })
            .join()
            .unwrap()
        };
        assert_eq!(worker(ScanPriority::BesideTheWindow, 0), before);
        assert_eq!(worker(ScanPriority::BesideTheWindow, 1), LOWEST);
        assert_eq!(worker(ScanPriority::BesideTheWindow, 7), LOWEST);
        assert_eq!(own(), before, "the thread that started the workers keeps its priority");
        for index in [0, 1, 7] {
            assert_eq!(worker(ScanPriority::Normal, index), before);
        }
    }
}
