//! The process allocator: mimalloc, asked for plain `malloc`-aligned blocks
//! where that is all a layout needs.
//!
//! mimalloc's own Rust allocator (`mimalloc::MiMalloc`) asks for every
//! block through `mi_malloc_aligned`, whose alignment checks cost about as
//! much again as the allocation: a check of the generated 10 MB makes
//! 390,000 of them. Almost every layout of this program needs no more than
//! the 16 bytes `mi_malloc` guarantees, so those go to `mi_malloc` and the
//! rest to the aligned entry points, as the standard library's own `System`
//! allocator does with `malloc` and `posix_memalign`.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment every `mi_malloc` block of at least this size has
/// (mimalloc's `MI_MAX_ALIGN_SIZE`, `sizeof(max_align_t)`).
const ALLINEAMENTO_MALLOC: usize = 16;

/// mimalloc, with plain entry points where a layout allows them.
pub struct Allocator;

/// A block of `size` bytes from `mi_malloc` is aligned to `align`: blocks
/// are aligned to 16 bytes, or to the size rounded up to a power of two
/// when smaller (the test the standard library's `System` allocator makes
/// before calling `malloc`).
#[inline]
fn basta_malloc(align: usize, size: usize) -> bool {
    align <= ALLINEAMENTO_MALLOC && align <= size
}

// SAFETY: every method hands the layout to the mimalloc function that
// honours it: the plain ones only where `basta_malloc` holds, the aligned
// ones otherwise. Blocks from either are freed by `mi_free` and resized by
// `mi_realloc`/`mi_realloc_aligned`, which mimalloc allows for both.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: a non-zero size, as `GlobalAlloc::alloc` requires of its caller.
        unsafe {
            if basta_malloc(layout.align(), layout.size()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe {
            if basta_malloc(layout.align(), layout.size()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, hence from mimalloc.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from mimalloc with `layout`; the new block
        // keeps the alignment the layout needs.
        unsafe {
            if basta_malloc(layout.align(), new_size) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every small size and alignment, from every entry point,
    /// have the alignment their layout asks for, hold what is written in
    /// them, and keep it when they grow or shrink.
    #[test]
    fn blocks_have_the_alignment_their_layout_asks_for() {
        let a = Allocator;
        let mut blocchi = 0;
        for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [
                1usize, 2, 3, 7, 8, 9, 15, 16, 17, 24, 31, 33, 100, 1000, 5000,
            ] {
                let layout = Layout::from_size_align(size, align).expect("a layout");
                for zero in [false, true] {
                    for nuova in [size / 2 + 1, size * 3] {
                        // SAFETY: non-zero sizes; each block written
                        // within its size and freed once, with its layout.
                        unsafe {
                            let p = if zero {
                                a.alloc_zeroed(layout)
                            } else {
                                a.alloc(layout)
                            };
                            assert!(!p.is_null());
                            assert_eq!(p as usize % align, 0, "{size} {align} {zero}");
                            if zero {
                                assert!((0..size).all(|i| *p.add(i) == 0));
                            }
                            for i in 0..size {
                                *p.add(i) = i as u8;
                            }
                            let q = a.realloc(p, layout, nuova);
                            assert!(!q.is_null());
                            assert_eq!(q as usize % align, 0, "{size} -> {nuova} {align}");
                            assert!((0..size.min(nuova)).all(|i| *q.add(i) == i as u8));
                            a.dealloc(q, Layout::from_size_align(nuova, align).expect("a layout"));
                        }
                        blocchi += 1;
                    }
                }
            }
        }
        assert_eq!(blocchi, 8 * 15 * 2 * 2);
    }
}
