import Foundation
import HedgeplanGovernance
import Testing

/// Ed25519 keys from OpenSSL's PEM files, and an `approve` signature checked by OpenSSL itself.
struct SignatureTests {
    /// OpenSSL's command line, the independent verifier; .ci/run installs it.
    static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(where: FileManager.default.isExecutableFile)

    /// Skips where openssl is not installed, except under CI (CI=true), where it fails instead.
    @Test(.enabled(if: openssl != nil || ProcessInfo.processInfo.environment["CI"] == "true",
                   "skipped: openssl is not installed, so the signature cannot be checked independently"))
    func opensslVerifiesAnApprovalSignature() throws {
        let openssl = try #require(Self.openssl, "openssl is not installed: .ci/run installs it")
        let f = try GovernanceFixture()
        defer { f.remove() }
        let proposal = try f.approve(f.propose("steward-inside.yaml", log: ActivationLog(governance: f.policy.name)), "alice", at: "2026-11-27T10:00:00Z")
        let approval = try #require(proposal.approvals.first)
        // The statement as Approval documents it, written out by hand here.
        let statement = "hedgeplan approval v1\nproposal: \(proposal.canonicalHash)\nsigner: alice\nsigned_at: 2026-11-27T10:00:00Z\n"
        try statement.write(toFile: f.path("statement"), atomically: true, encoding: .utf8)
        try Data(base64Encoded: approval.signature)!.write(to: URL(fileURLWithPath: f.path("signature")))
        func verify(_ key: String) throws -> (Int32, String) {
            try Self.run(openssl, ["pkeyutl", "-verify", "-pubin", "-inkey", f.path(key), "-rawin", "-in", f.path("statement"), "-sigfile", f.path("signature")])
        }
        let (status, output) = try verify("keys/alice.pub")
        #expect(status == 0, "\(output)")
        #expect(output.contains("Signature Verified Successfully"))
        // bob's key does not verify alice's signature.
        #expect(try verify("keys/bob.pub").0 != 0)
        // The canonical hash is SHA-256 of the canonical bytes without approvals, as `sha256sum` would print it.
        var bare = proposal
        bare.approvals = []
        try bare.encoded().write(to: URL(fileURLWithPath: f.path("bare.json")))
        let (_, digest) = try Self.run(openssl, ["dgst", "-sha256", "-r", f.path("bare.json")])
        #expect(digest.hasPrefix(proposal.canonicalHash))
    }

    /// Runs `program` with `arguments`: its exit status and its output (standard output and error).
    static func run(_ program: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func pemKeysOfTheWrongKindAreRefusedWithAMessage() throws {
        let f = try GovernanceFixture()
        defer { f.remove() }
        let rsa = try String(contentsOfFile: f.path("keys/rsa.pem"), encoding: .utf8)
        #expect(throws: SignerKey.Problem.self) { try SignerKey.privateKey(pem: rsa) }
        do {
            _ = try SignerKey.privateKey(pem: rsa)
        } catch {
            #expect(error.description.contains("not an Ed25519 private key"))
        }
        let pub = try String(contentsOfFile: f.path("keys/alice.pub"), encoding: .utf8)
        do {
            _ = try SignerKey.privateKey(pem: pub)
            Issue.record("a public key was read as a private key")
        } catch {
            #expect(error.description == "holds a public key, not a private key")
        }
        #expect(throws: SignerKey.Problem.self) { try SignerKey.publicKey(pem: "hello") }
        // The public key derived from alice's private key is the one in alice.pub.
        let alice = try SignerKey.privateKey(pem: f.privateKeyPEM("alice"))
        #expect(SignerKey.Public(alice.publicKey) == (try SignerKey.publicKey(pem: pub)))
    }
}
