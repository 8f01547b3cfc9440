import Crypto
import Foundation

/// Ed25519 keys in the PEM files OpenSSL writes: `openssl genpkey -algorithm ed25519`
/// (PKCS#8 `PRIVATE KEY`) and `openssl pkey -pubout` (SPKI `PUBLIC KEY`). Both DER forms
/// have a fixed prefix (RFC 8410) before the 32 key bytes, so no ASN.1 parser is needed;
/// any other key type (RSA, EC, X25519) has another prefix and is refused by name.
public enum SignerKey {
    public struct Public: Sendable, Equatable {
        /// The 32 raw key bytes.
        public var raw: Data
        public init(_ key: Curve25519.Signing.PublicKey) { raw = key.rawRepresentation }
        /// The key, for checking signatures (32 valid bytes by construction).
        public var key: Curve25519.Signing.PublicKey { try! Curve25519.Signing.PublicKey(rawRepresentation: raw) }
        /// The 32 raw key bytes, base64: how proposals name a signer's key.
        public var base64: String { raw.base64EncodedString() }
    }

    /// Why a key file cannot be used, in words for a diagnostic.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (32 bytes) }.
    static let publicPrefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
    /// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32 bytes) } }.
    static let privatePrefix: [UInt8] = [
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    public static func publicKey(pem text: String) throws(Problem) -> Public {
        let der = try body(of: text, label: "PUBLIC KEY", other: "PRIVATE KEY")
        guard der.count == publicPrefix.count + 32, Array(der.prefix(publicPrefix.count)) == publicPrefix else {
            throw Problem("not an Ed25519 public key (\(der.count) bytes of DER without the Ed25519 algorithm id); write one with `openssl genpkey -algorithm ed25519 -out k.pem && openssl pkey -in k.pem -pubout`")
        }
        do {
            return Public(try Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32)))
        } catch {
            throw Problem("not a valid Ed25519 public key")
        }
    }

    public static func privateKey(pem text: String) throws(Problem) -> Curve25519.Signing.PrivateKey {
        let der = try body(of: text, label: "PRIVATE KEY", other: "PUBLIC KEY")
        guard der.count == privatePrefix.count + 32, Array(der.prefix(privatePrefix.count)) == privatePrefix else {
            throw Problem("not an Ed25519 private key (\(der.count) bytes of DER without the Ed25519 algorithm id); make one with `openssl genpkey -algorithm ed25519`")
        }
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
        } catch {
            throw Problem("not a valid Ed25519 private key")
        }
    }

    /// The DER bytes between `-----BEGIN label-----` and `-----END label-----`.
    static func body(of text: String, label: String, other: String) throws(Problem) -> [UInt8] {
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else {
            if text.contains("-----BEGIN \(other)-----") {
                throw Problem("holds a \(other.lowercased()), not a \(label.lowercased())")
            }
            if let found = text.range(of: #"-----BEGIN [A-Z0-9 ]+-----"#, options: .regularExpression) {
                throw Problem("holds a \(text[found].dropFirst(11).dropLast(5)) block, not an Ed25519 \(label.lowercased())")
            }
            throw Problem("not a PEM file (no `\(begin)` line)")
        }
        let base64 = text[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        guard let der = Data(base64Encoded: String(base64)) else { throw Problem("the PEM body is not base64") }
        return [UInt8](der)
    }
}
