using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Hearth.Cluster.Security;

/// <summary>
/// Mutual TLS between the silos of a cluster from a shared secret, with no certificate authority to run: every node
/// derives the same P-256 key pair from the secret (HKDF-SHA256, the cluster id as context) and accepts a peer only
/// if its certificate carries that public key, which only holders of the secret can prove to own.
/// </summary>
public static class ClusterCertificate
{
    /// <summary>Shorter secrets are refused: they could be guessed offline from a recorded handshake.</summary>
    public const int MinimumSecretLength = 16;

    private static readonly DateTimeOffset NotBefore = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static X509Certificate2 FromSecret(string secret, string clusterId)
    {
        if (secret.Length < MinimumSecretLength)
        {
            throw new ArgumentException($"the cluster secret must have at least {MinimumSecretLength} characters (e.g. 'openssl rand -base64 32')",
                nameof(secret));
        }

        var privateKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, "hearth-cluster-v1"u8.ToArray(),
            Encoding.UTF8.GetBytes(clusterId));
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = privateKey });
        var request = new CertificateRequest($"CN=hearth-cluster-{clusterId}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")],
            critical: false));
        using var certificate = request.CreateSelfSigned(NotBefore, NotAfter);
        // Through PKCS#12 so that TLS on Linux can use the private key.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Whether a peer's certificate carries the cluster's public key.</summary>
    public static bool SameKey(X509Certificate2? remote, X509Certificate2 local) =>
        remote is not null && remote.GetPublicKey().AsSpan().SequenceEqual(local.GetPublicKey());
}
