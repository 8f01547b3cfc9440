import Crypto
import Foundation
import HedgeplanIR

/// One signer's approval of a proposal: an Ed25519 signature over a short statement that
/// names the proposal's canonical hash, the signer and the time, so that neither the time
/// (which starts the timelock) nor the name can be changed without breaking it.
///
/// The statement is UTF-8 text, exactly:
/// ```
/// hedgeplan approval v1
/// proposal: <sha256 hex of the proposal's canonical bytes>
/// signer: <name>
/// signed_at: <ISO 8601 UTC>
/// ```
/// (each line ending in `\n`), so anyone can check a signature with
/// `openssl pkeyutl -verify -pubin -inkey KEY.pub -rawin -in STATEMENT -sigfile SIG`.
public struct Approval: Codable, Sendable, Equatable {
    public var signer: String
    /// ISO 8601 UTC, to the second.
    public var signedAt: String
    /// The Ed25519 signature of `statement`, base64 (64 bytes).
    public var signature: String

    public init(signer: String, signedAt: String, signature: String) {
        self.signer = signer
        self.signedAt = signedAt
        self.signature = signature
    }

    public static func statement(proposalHash: String, signer: String, signedAt: String) -> Data {
        Data("hedgeplan approval v1\nproposal: \(proposalHash)\nsigner: \(signer)\nsigned_at: \(signedAt)\n".utf8)
    }

    /// Signs `proposalHash` as `signer` at `time`.
    public static func sign(proposalHash: String, signer: String, at time: Instant, key: Curve25519.Signing.PrivateKey) throws -> Approval {
        let signedAt = time.description
        let signature = try key.signature(for: statement(proposalHash: proposalHash, signer: signer, signedAt: signedAt))
        return Approval(signer: signer, signedAt: signedAt, signature: signature.base64EncodedString())
    }

    /// Whether the signature is `key`'s over this approval's statement for `proposalHash`.
    public func isValid(for proposalHash: String, key: SignerKey.Public) -> Bool {
        guard let bytes = Data(base64Encoded: signature), bytes.count == 64 else { return false }
        return key.key.isValidSignature(bytes, for: Self.statement(proposalHash: proposalHash, signer: signer, signedAt: signedAt))
    }

    /// The signing time, when it is a valid instant.
    public var time: Instant? { Instant(iso8601: signedAt) }
}
