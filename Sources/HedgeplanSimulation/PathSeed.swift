import Feeds

/// The seed of path k of a run seeded with S: a function of (S, k) alone, so a path is the
/// same whatever the number of threads or shards and whichever finishes first.
///
/// Two SplitMix64 finalisations: the first spreads S over 64 bits, the second mixes in k
/// times the golden-ratio increment. Neighbouring k give unrelated xoshiro256** states (each
/// path then seeds its own generator from this number through SplitMix64 again).
public enum PathSeed {
    public static func seed(run: UInt64, path: Int) -> UInt64 {
        var base = SplitMix64(seed: run)
        var mixed = SplitMix64(seed: base.next() ^ (UInt64(path) &* 0x9E37_79B9_7F4A_7C15))
        return mixed.next()
    }
}
