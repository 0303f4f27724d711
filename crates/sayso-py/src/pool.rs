//! Thread pools for `analyze_many`, and what happens to them across `fork`.
//!
//! A forked child has only the thread that called `fork`: the parent's pool threads are
//! gone, and a rayon pool that still believes in them would wait forever. So a child runs
//! batches sequentially. It knows it is a child either from the `os.register_at_fork` hook
//! that `sayso/__init__.py` installs, or because its process id differs from the one that
//! created the pools (a fork that bypassed Python's `os.fork`).

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::errors::option_error;
use pyo3::PyResult;

static FORKED: AtomicBool = AtomicBool::new(false);
/// Process that created the pools (0: none yet).
static OWNER: AtomicU32 = AtomicU32::new(0);
/// Pools by size; a handful at most.
static POOLS: Mutex<Vec<(usize, Arc<ThreadPool>)>> = Mutex::new(Vec::new());
const MAX_CACHED: usize = 8;

/// Marks this process as a forked child: batches run sequentially from now on.
pub(crate) fn mark_forked() {
    FORKED.store(true, Ordering::SeqCst);
}

/// True in a process forked from one that had created pools.
pub(crate) fn in_forked_child() -> bool {
    if FORKED.load(Ordering::SeqCst) {
        return true;
    }
    let owner = OWNER.load(Ordering::SeqCst);
    owner != 0 && owner != std::process::id()
}

/// Threads to use when the caller does not say: `RAYON_NUM_THREADS` if set, else the
/// available parallelism.
fn default_threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
}

/// The pool for a batch of `jobs` documents, or `None` to run sequentially.
pub(crate) fn pool_for(threads: Option<usize>, jobs: usize) -> PyResult<Option<Arc<ThreadPool>>> {
    let n = match threads {
        Some(0) => return Err(option_error("threads must be at least 1")),
        Some(n) => n,
        None => default_threads(),
    };
    if n == 1 || jobs < 2 || in_forked_child() {
        return Ok(None);
    }
    let pid = std::process::id();
    let mut pools = POOLS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, pool)) = pools.iter().find(|(size, _)| *size == n) {
        return Ok(Some(Arc::clone(pool)));
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("sayso-{i}"))
        .build()
        .map_err(|e| crate::errors::sayso_error(format!("cannot start {n} threads: {e}")))?;
    let pool = Arc::new(pool);
    OWNER.store(pid, Ordering::SeqCst);
    if pools.len() < MAX_CACHED {
        pools.push((n, Arc::clone(&pool)));
    }
    Ok(Some(pool))
}
