// Asks the kernel to back large freshly reserved arrays with transparent huge pages.
#if canImport(Glibc)
import Glibc
#endif

/// First touch of fresh memory costs a page fault per 4 KiB page, which in the VMs Sift runs on
/// makes filling a new buffer run at about 2 GB/s; with 2 MiB pages there are 512 times fewer
/// faults. On Linux with transparent huge pages in `madvise` mode (the common default) a region
/// gets them only when asked with `madvise(MADV_HUGEPAGE)`. Elsewhere this does nothing.
enum HugePageAdvice {
    /// The huge page size on x86-64 and arm64 Linux.
    static let hugePage = 1 << 21

    /// Advises the reserved capacity of `array` (call right after `reserveCapacity`, before the
    /// memory is touched). Arrays smaller than a few huge pages are left alone.
    static func advise<T>(_ array: inout [T]) {
        #if os(Linux)
        let bytes = array.capacity * MemoryLayout<T>.stride
        guard bytes >= 4 * hugePage else { return }
        array.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
            let end = (Int(bitPattern: base) + bytes) & ~(hugePage - 1)
            guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(p, end - start, MADV_HUGEPAGE)
        }
        #endif
    }
}
