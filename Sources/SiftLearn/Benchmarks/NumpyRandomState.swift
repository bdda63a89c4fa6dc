// NumPy's legacy RandomState stream (MT19937 seeded by an integer), so a benchmark can draw the anchors' exact split.

/// The random stream of `numpy.random.RandomState(seed)`: the 32-bit Mersenne Twister
/// (Matsumoto & Nishimura 1998, reference `genrand_int32`) with `init_genrand` seeding, and the
/// two derived draws scikit-learn's splitters use, `permutation` and bounded integers by masked
/// rejection (NumPy's `random_interval` in `distributions.c`).
///
/// It exists so that `sift bench --ml` trains on exactly the rows of `bench_ml.py`'s
/// `train_test_split(..., random_state=0)`; nothing else should need NumPy's stream.
///
/// ```swift
/// var r = NumpyRandomState(seed: 0)
/// r.nextUInt32()   // 2357136044, NumPy's np.random.RandomState(0).randint(2**32, dtype=np.uint32)
/// var s = NumpyRandomState(seed: 0)
/// s.permutation(10) // [2, 8, 4, 9, 1, 6, 7, 3, 0, 5], NumPy's np.random.RandomState(0).permutation(10)
/// ```
public struct NumpyRandomState: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624

    /// Seeds as `RandomState(seed)` does for an integer seed (`init_genrand`).
    public init(seed: UInt32) {
        state[0] = seed
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
    }

    /// The next 32 random bits (`genrand_int32`).
    public mutating func nextUInt32() -> UInt32 {
        if index >= 624 { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        for i in 0..<624 {
            let y = (state[i] & 0x8000_0000) | (state[(i + 1) % 624] & 0x7FFF_FFFF)
            state[i] = state[(i + 397) % 624] ^ (y >> 1) ^ ((y & 1) == 1 ? 0x9908_B0DF : 0)
        }
        index = 0
    }

    /// A uniform integer in `0...max`: the smallest all-ones mask covering `max`, redrawn while
    /// the masked value exceeds it (NumPy's `random_interval`; `max` < 2³² here).
    public mutating func interval(_ max: Int) -> Int {
        guard max > 0 else { return 0 }
        var mask = UInt32(truncatingIfNeeded: max)
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16
        while true {
            let v = Int(nextUInt32() & mask)
            if v <= max { return v }
        }
    }

    /// Shuffles in place as `RandomState.shuffle` does (Fisher–Yates from the end).
    public mutating func shuffle<T>(_ a: inout [T]) {
        var i = a.count - 1
        while i >= 1 {
            a.swapAt(i, interval(i))
            i -= 1
        }
    }

    /// `RandomState.permutation(n)`: `0..<n` shuffled.
    public mutating func permutation(_ n: Int) -> [Int] {
        var a = Array(0..<n)
        shuffle(&a)
        return a
    }
}
