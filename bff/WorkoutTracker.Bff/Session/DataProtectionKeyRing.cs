using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using WorkoutTracker.Bff.Data;

namespace WorkoutTracker.Bff.Session;

/// <summary>
/// Section <c>Bff:DataProtection</c>: the certificate that encrypts the Data Protection key ring at rest. The
/// keys protect the session tickets and the users' tokens in <c>bff.sessions</c>; they live in the same
/// database (<c>bff.data_protection_keys</c>), so without this anyone who reads the database could decrypt
/// every session. Rotation: put the new certificate in <see cref="CertificatePath"/> and the old one in
/// <see cref="PreviousCertificatePaths"/> until every key it encrypted has expired (90 days by default).
/// </summary>
public sealed class DataProtectionKeyRingOptions
{
    public const string SectionName = "Bff:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key; new keys are encrypted to it.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password, if it has one (e.g. from an environment variable or a secret store).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Certificates that encrypted older keys (.pfx files, same password): they still decrypt, never encrypt.</summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];

    /// <summary>
    /// In Development and Testing, without <see cref="CertificatePath"/>: a self-signed certificate made on first
    /// start and kept here (relative to the content root), so a developer's key ring is encrypted too.
    /// </summary>
    public string DevelopmentCertificatePath { get; set; } = "../../.data/bff/data-protection.pfx";
}

public static class DataProtectionKeyRing
{
    /// <summary>
    /// Data Protection with its keys in PostgreSQL, shared by every BFF instance, and encrypted at rest with a
    /// certificate (<see cref="DataProtectionKeyRingOptions"/>). Outside Development and Testing the BFF refuses
    /// to start without one.
    /// </summary>
    public static IHostApplicationBuilder AddBffDataProtection(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DataProtectionKeyRingOptions.SectionName);
        var options = section.Get<DataProtectionKeyRingOptions>() ?? new DataProtectionKeyRingOptions();
        builder.Services.AddOptions<DataProtectionKeyRingOptions>().Bind(section);

        var current = LoadOrCreate(options, builder.Environment);
        var previous = options.PreviousCertificatePaths
            .Select(path => Load(Resolve(path, builder.Environment), options.CertificatePassword))
            .ToArray();
        builder.Services.AddDataProtection()
            .SetApplicationName("WorkoutTracker.Bff")
            .PersistKeysToDbContext<BffDb>()
            .ProtectKeysWithCertificate(current)
            .UnprotectKeysWithAnyCertificate([current, .. previous]);
        return builder;
    }

    private static X509Certificate2 LoadOrCreate(DataProtectionKeyRingOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return Load(Resolve(options.CertificatePath, environment), options.CertificatePassword);
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException(
                $"{DataProtectionKeyRingOptions.SectionName}:CertificatePath is not set: the BFF's Data Protection keys, which encrypt " +
                "sessions and users' tokens, must be encrypted at rest. Set Bff__DataProtection__CertificatePath to a .pfx file with an RSA " +
                "certificate and its private key (and Bff__DataProtection__CertificatePassword), the same for every BFF instance. " +
                "See README, Security.");
        }

        return CreateDevelopmentCertificate(Resolve(options.DevelopmentCertificatePath, environment));
    }

    private static string Resolve(string path, IHostEnvironment environment) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path));

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{DataProtectionKeyRingOptions.SectionName}: the certificate file '{path}' does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey && certificate.GetRSAPrivateKey() is not null
            ? certificate
            : throw new InvalidOperationException($"{DataProtectionKeyRingOptions.SectionName}: '{path}' must hold an RSA certificate with its private key.");
    }

    /// <summary>The development certificate at <paramref name="path"/>, made (readable by its owner only) when it is missing.</summary>
    private static X509Certificate2 CreateDevelopmentCertificate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=WorkoutTracker BFF Data Protection (development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, created.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary); // another instance made it first: use theirs
            }
        }

        return Load(path, password: null);
    }
}
