/// A failed connection's reason in plain words: SwiftNIO's errors describe themselves as
/// `Connection errors: SingleConnectionFailure(target: [IPv4]127.0.0.1/127.0.0.1:9, error:
/// connection reset (error set): Connection refused) (errno: 111))`, which is a lot to read
/// on every retry. The usual causes get their short name; anything else keeps its full text.
enum ConnectionFailureReason {
    static let known: [(needle: String, reason: String)] = [
        ("connection refused", "connection refused (nothing listens on that port)"),
        ("no route to host", "no route to host"),
        ("network is unreachable", "network is unreachable"),
        ("name or service not known", "host not found"),
        ("nodename nor servname", "host not found"),
        ("nxdomain", "host not found"),
        ("timed out", "timed out"),
        ("timeout", "timed out"),
        ("certificate", "TLS certificate rejected"),
    ]

    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        let lower = text.lowercased()
        return known.first { lower.contains($0.needle) }?.reason ?? text
    }
}
