// Splits a loop over rows into chunks run on all cores (Dispatch's concurrentPerform).
import Dispatch

/// Data-parallel loops for kernels.
///
/// Work below `grain` elements runs inline on the calling thread, since dispatching costs
/// microseconds. Above it, the range is cut into an even number of contiguous chunks (an even
/// count suits the 2-core machines Sift targets) and each chunk runs once. Kernels must write
/// only to their own chunk's part of the output, so no synchronisation is needed.
public enum Parallel {
    /// The number of active processors.
    public static let coreCount = max(1, sysconfCores())

    /// Below this many elements, loops run serially (about 100 µs of simple work).
    public static let defaultGrain = 1 << 16

    /// Runs `body` over disjoint subranges covering `0..<count`, in parallel when `count` is large.
    ///
    /// - Parameters:
    ///   - count: the number of elements.
    ///   - grain: the smallest chunk worth a thread.
    ///   - body: called once per chunk with its range; called at least once when `count > 0`.
    /// - Complexity: O(count) work split over the cores.
    public static func forEachChunk(count: Int, grain: Int = defaultGrain, _ body: @Sendable (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let chunks = chunkCount(count: count, grain: grain)
        if chunks == 1 { body(0..<count); return }
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            body(chunkRange(k, of: chunks, count: count))
        }
    }

    /// The number of chunks `forEachChunk` uses for `count` elements.
    public static func chunkCount(count: Int, grain: Int = defaultGrain) -> Int {
        guard coreCount > 1, count >= 2 * grain else { return 1 }
        let want = min(count / grain, coreCount * 2)
        return max(2, want & ~1)
    }

    /// Chunk `k` of `chunks` equal parts of `0..<count`.
    @inlinable public static func chunkRange(_ k: Int, of chunks: Int, count: Int) -> Range<Int> {
        (count * k / chunks)..<(count * (k + 1) / chunks)
    }

    /// Runs `body(k)` for `k` in `0..<n`, in parallel when `n > 1`.
    public static func forEach(_ n: Int, _ body: @Sendable (Int) -> Void) {
        if n == 1 { body(0); return }
        if n > 1 { DispatchQueue.concurrentPerform(iterations: n, execute: body) }
    }
}

#if canImport(Glibc)
import Glibc
private func sysconfCores() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#elseif canImport(Darwin)
import Darwin
private func sysconfCores() -> Int { Int(sysconf(_SC_NPROCESSORS_ONLN)) }
#else
private func sysconfCores() -> Int { 1 }
#endif
