using Microsoft.AspNetCore.Hosting;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Identity;

/// <summary>The development issuer's key is public: a production host without Entra ID must refuse to start.</summary>
public sealed class ProductionSafetyTests
{
    [Fact]
    public async Task A_production_host_without_azure_ad_refuses_to_start_rather_than_trust_the_public_development_key()
    {
        await using var production = new ProductionHost();
        production.ConnectionStringForTest = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => production.Server);
            Assert.Contains("AzureAd", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(production.ConnectionStringForTest);
        }
    }

    private sealed class ProductionHost : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        public string ConnectionStringForTest { get; set; } = "";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Workouts", ConnectionStringForTest);
        }
    }
}
