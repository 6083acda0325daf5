using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Imports;

/// <summary>
/// The browser imports and exports through the BFF: its session cookie becomes the server token, the
/// anti-forgery header is required as on every BFF API, and the file resources are not the GraphQL
/// allowlist's business (they carry files, not operations).
/// </summary>
public sealed class ImportThroughBffTests(BffSystem system) : IClassFixture<BffSystem>
{
    private const string StrongFile = """
        Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration
        2026-10-05 18:02:11;Lower A;Squat (Barbell);W;60;kg;5;;;;0;;;1h 5m
        2026-10-05 18:02:11;Lower A;Squat (Barbell);1;100;kg;5;8;;;0;;;1h 5m
        2026-10-05 18:02:11;Lower A;Cossack Squat;1;0;kg;8;;;;0;;;1h 5m
        """;

    [Fact]
    public async Task An_athlete_uploads_confirms_and_exports_through_the_bff()
    {
        using var athlete = await system.SignInAthleteAsync();

        using var upload = await athlete.SendAsync(HttpMethod.Post, "/imports?fileName=strong.csv", new StringContent(StrongFile, Encoding.UTF8, "text/csv"));
        var preview = await upload.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(1, preview!["preview"]!["sessions"]!["new"]!.GetValue<int>());
        Assert.Equal(3, preview["preview"]!["sets"]!["new"]!.GetValue<int>());

        var id = preview["id"]!.GetValue<Guid>();
        using var confirm = await athlete.SendAsync(HttpMethod.Post, $"/imports/{id}/confirm", JsonContent.Create(new { matches = new Dictionary<string, string?>() }));
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        JsonObject state;
        do
        {
            using var read = await athlete.SendAsync(HttpMethod.Get, $"/imports/{id}");
            state = (await read.Content.ReadFromJsonAsync<JsonObject>())!;
        }
        while (state["status"]!.GetValue<string>() is "Queued" or "Running");

        Assert.Equal("Completed", state["status"]!.GetValue<string>());
        Assert.Equal(3, state["setsWritten"]!.GetValue<int>());
        using var export = await athlete.SendAsync(HttpMethod.Get, "/exports/sets.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2026-10-05 18:02:11;Workout;Barbell Back Squat;1;100;kg;5;8", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_anti_forgery_header_or_a_session_the_file_resources_are_refused()
    {
        using var athlete = await system.SignInAthleteAsync();
        using var anonymous = new BffClient(system.Bff.Address, cookie: null);

        using var forged = await athlete.SendAsync(HttpMethod.Post, "/imports", new StringContent(StrongFile, Encoding.UTF8, "text/csv"), csrf: false);
        using var forgedExport = await athlete.SendAsync(HttpMethod.Get, "/exports/account.json", csrf: false);
        using var signedOut = await anonymous.SendAsync(HttpMethod.Get, "/exports/sets.csv");

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedExport.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }
}
