//! The `quadra` command.

/// mimalloc, not the system allocator: each report's tree is built from
/// thousands of small allocations and freed whole before the next one, a
/// pattern where glibc's malloc and free took 13 % of a check's cycles
/// (its free lists are consolidated on the next large request). mimalloc
/// makes a check of 100 MB 12 % faster for about 1 MB more of process.
/// Built without transparent huge pages (`no_thp`), which doubled the
/// resident memory for no speed. [`quadra::allocator`] says why it is
/// called through its C functions.
#[global_allocator]
static GLOBAL: quadra::allocator::Allocator = quadra::allocator::Allocator;

fn main() {
    std::process::exit(quadra::cli::run(std::env::args_os()));
}
