using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OCore.DevCluster.Security;

/// <summary>
/// A self-signed CA and a loopback serving certificate it signs. With a data directory the CA is kept,
/// so kubeconfigs written before a restart stay valid.
/// </summary>
internal sealed class CertificateAuthority : IDisposable
{
    private CertificateAuthority(X509Certificate2 ca, X509Certificate2 serving)
    {
        Certificate = ca;
        ServingCertificate = serving;
    }

    public X509Certificate2 Certificate { get; }

    public X509Certificate2 ServingCertificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public static CertificateAuthority Create(string? dataDirectory)
    {
        var ca = LoadOrCreateCa(dataDirectory);
        return new CertificateAuthority(ca, IssueServingCertificate(ca));
    }

    public void Dispose()
    {
        Certificate.Dispose();
        ServingCertificate.Dispose();
    }

    private static X509Certificate2 LoadOrCreateCa(string? dataDirectory)
    {
        var certPath = dataDirectory is null ? null : Path.Combine(dataDirectory, "ca.crt");
        var keyPath = dataDirectory is null ? null : Path.Combine(dataDirectory, "ca.key");
        if (certPath is not null && keyPath is not null && File.Exists(certPath) && File.Exists(keyPath))
        {
            return X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=devcluster-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var ca = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        if (certPath is not null && keyPath is not null)
        {
            File.WriteAllText(certPath, ca.ExportCertificatePem());
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        }
        return ca;
    }

    private static X509Certificate2 IssueServingCertificate(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=devcluster", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var issued = request.Create(ca, now.AddMinutes(-5), now.AddYears(1), serial);
        // Round-trip through PKCS#12 so Kestrel gets a certificate with a usable private key on every platform.
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
