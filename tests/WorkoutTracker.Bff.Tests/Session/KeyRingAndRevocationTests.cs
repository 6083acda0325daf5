extern alias bff;

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkoutTracker.Bff.Tests.Infrastructure;
using BffProgram = bff::Program;
using PostgresTicketStore = bff::WorkoutTracker.Bff.Session.PostgresTicketStore;

namespace WorkoutTracker.Bff.Tests.Session;

/// <summary>
/// What the BFF keeps about a session is protected: the Data Protection key ring is encrypted at rest with a
/// certificate (never stored as plain key material beside the sessions it protects), and signing out revokes
/// the session's refresh token at the issuer (RFC 7009), so a copy of it taken earlier is worthless.
/// </summary>
public sealed class KeyRingAndRevocationTests(BffSystem system) : IClassFixture<BffSystem>
{
    [Fact]
    public async Task The_data_protection_key_ring_is_stored_encrypted_to_a_certificate()
    {
        using var athlete = await system.SignInAthleteAsync(); // a session exists, so a key does

        var keys = await QueryAsync("SELECT xml FROM bff.data_protection_keys");

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal); // XML encryption (EncryptedXml)…
            Assert.Contains("<X509Certificate>", xml, StringComparison.Ordinal); // …to a certificate
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Signing_out_revokes_that_sessions_refresh_token_at_the_server_and_no_other()
    {
        var existing = await RefreshTokensAsync();
        using var first = await system.SignInAthleteAsync();
        var firstToken = Assert.Single((await RefreshTokensAsync()).Except(existing));
        using var second = await system.SignInAthleteAsync();
        var secondToken = Assert.Single((await RefreshTokensAsync()).Except(existing).Except([firstToken]));

        using var logout = await first.SendAsync(HttpMethod.Post, "/bff/logout");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await RedeemAsync(firstToken));
        Assert.Equal(HttpStatusCode.OK, await RedeemAsync(secondToken));
    }

    [Fact]
    public async Task A_production_bff_without_a_key_ring_certificate_refuses_to_start_and_says_what_to_set()
    {
        await using var production = new ProductionBff(system.ConnectionString, system.Servers[0].Address);

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("Bff__DataProtection__CertificatePath", Messages(error), StringComparison.Ordinal);
    }

    /// <summary>The refresh tokens of the athlete's live BFF sessions, read with the BFF's own store.</summary>
    private async Task<List<string>> RefreshTokensAsync()
    {
        var store = system.Bff.Services.GetRequiredService<PostgresTicketStore>();
        var tokens = new List<string>();
        foreach (var key in await QueryAsync($"SELECT key FROM bff.sessions WHERE subject = '{DemoAccounts.AthleteId}'"))
        {
            if ((await store.GetTokensAsync(key, CancellationToken.None))?.RefreshToken is { } token)
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    private async Task<HttpStatusCode> RedeemAsync(string refreshToken)
    {
        using var http = new HttpClient { BaseAddress = system.Servers[0].Address };
        using var response = await http.PostAsJsonAsync("/dev/token", new { refreshToken });
        return response.StatusCode;
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static string Messages(Exception? error)
    {
        var messages = new List<string>();
        for (; error is not null; error = error.InnerException)
        {
            messages.Add(error.Message);
        }

        return string.Join(" | ", messages);
    }

    private sealed class ProductionBff(string connectionString, Uri server) : WebApplicationFactory<BffProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Workouts", connectionString);
            builder.UseSetting("Server:BaseAddress", server.ToString());
        }
    }
}
