using WorkoutTracker.Server.Profiles;
using WorkoutTracker.Server.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Sessions;

namespace WorkoutTracker.Server.Tests.Coaching;

public sealed class CoachLinkTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    private const string Request = "mutation($input: RequestCoachLinkInput!) { requestCoachLink(input: $input) { replayed link { id status coach { id } athlete { id } } } }";
    private const string Accept = "mutation($input: CoachLinkInput!) { acceptCoachLink(input: $input) { link { id status } } }";
    private const string End = "mutation($input: CoachLinkInput!) { endCoachLink(input: $input) { link { id status } } }";
    private const string SessionsOf = "query($athleteId: ID) { sessions(athleteId: $athleteId) { edges { node { id } } } }";

    [Fact]
    public async Task Athlete_invites_coach_who_accepts_then_reads_and_loses_access_when_the_link_ends()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        var coach = await api.CreateUserAsync(UserRole.Coach);
        using var athleteClient = await api.CreateClientForAsync(athlete);
        using var coachClient = await api.CreateClientForAsync(coach);
        var sessionId = await athleteClient.StartSessionAsync();

        var invited = (await athleteClient.PostGraphQLAsync(Request, new { input = new { clientMutationId = Guid.NewGuid().ToString(), email = coach.Email } })).Payload("requestCoachLink");
        var linkId = invited["link"]!["id"]!.GetValue<string>();
        var beforeAccept = await coachClient.PostGraphQLAsync(SessionsOf, new { athleteId = athlete.Id });
        var accepted = (await coachClient.PostGraphQLAsync(Accept, new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId } })).Payload("acceptCoachLink");
        var whileLinked = await coachClient.PostGraphQLAsync(SessionsOf, new { athleteId = athlete.Id });
        await athleteClient.PostGraphQLAsync(End, new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        var afterEnd = await coachClient.PostGraphQLAsync(SessionsOf, new { athleteId = athlete.Id });

        Assert.Equal("PENDING", invited["link"]!["status"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", beforeAccept.FirstErrorCode);
        Assert.Equal("ACTIVE", accepted["link"]!["status"]!.GetValue<string>());
        Assert.Equal(sessionId, whileLinked.Data!["sessions"]!["edges"]![0]!["node"]!["id"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", afterEnd.FirstErrorCode);
        Assert.Null(afterEnd.Data?["sessions"]);
    }

    [Fact]
    public async Task The_requester_cannot_accept_their_own_request()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        var coach = await api.CreateUserAsync(UserRole.Coach);
        using var coachClient = await api.CreateClientForAsync(coach);
        var linkId = (await coachClient.PostGraphQLAsync(Request, new { input = new { clientMutationId = Guid.NewGuid().ToString(), email = athlete.Email } }))
            .Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();

        var response = await coachClient.PostGraphQLAsync(Accept, new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });

        Assert.Equal("COACH_LINK_STATE", response.FirstErrorCode);
    }

    [Fact]
    public async Task Two_athletes_cannot_link_and_strangers_cannot_touch_a_link()
    {
        var first = await api.CreateUserAsync(UserRole.Athlete);
        var second = await api.CreateUserAsync(UserRole.Athlete);
        var coach = await api.CreateUserAsync(UserRole.Coach);
        using var firstClient = await api.CreateClientForAsync(first);
        using var secondClient = await api.CreateClientForAsync(second);

        // Asking an athlete to be one's coach is a request nobody can accept: the other athlete never sees it.
        var sameRoleId = (await firstClient.PostGraphQLAsync(Request, new { input = new { clientMutationId = Guid.NewGuid().ToString(), email = second.Email } }))
            .Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
        var linkId = (await firstClient.PostGraphQLAsync(Request, new { input = new { clientMutationId = Guid.NewGuid().ToString(), email = coach.Email } }))
            .Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
        var stranger = await secondClient.PostGraphQLAsync(Accept, new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        var sameRoleAccept = await secondClient.PostGraphQLAsync(Accept, new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId = sameRoleId } });
        var secondSees = (await secondClient.PostGraphQLAsync("{ coachLinks { id } }")).Payload("coachLinks").AsArray();

        Assert.Equal("NOT_FOUND", stranger.FirstErrorCode);
        Assert.Equal("NOT_FOUND", sameRoleAccept.FirstErrorCode);
        Assert.Empty(secondSees);
    }

    [Fact]
    public async Task The_invited_coach_sees_the_request_by_email_and_the_requester_sees_the_coach_once_accepted()
    {
        var athlete = await api.CreateUserAsync(UserRole.Athlete);
        var coach = await api.CreateUserAsync(UserRole.Coach);
        using var athleteClient = await api.CreateClientForAsync(athlete);
        using var coachClient = await api.CreateClientForAsync(coach);
        const string Links = "{ coachLinks { id status inviteeEmail coach { id } athlete { id } } }";

        var linkId = (await athleteClient.PostGraphQLAsync(Request, new { input = new { clientMutationId = Guid.NewGuid().ToString(), email = "  " + coach.Email.ToUpperInvariant() } }))
            .Payload("requestCoachLink")["link"]!["id"]!.GetValue<string>();
        var pendingForCoach = Assert.Single((await coachClient.PostGraphQLAsync(Links)).Payload("coachLinks").AsArray())!;
        var pendingForAthlete = Assert.Single((await athleteClient.PostGraphQLAsync(Links)).Payload("coachLinks").AsArray())!;
        await coachClient.PostGraphQLAsync(Accept, new { input = new { clientMutationId = Guid.NewGuid().ToString(), linkId } });
        var active = Assert.Single((await athleteClient.PostGraphQLAsync(Links)).Payload("coachLinks").AsArray())!;

        Assert.Equal(linkId, pendingForCoach["id"]!.GetValue<string>());
        Assert.Equal(coach.Email, pendingForCoach["inviteeEmail"]!.GetValue<string>());
        Assert.Equal(athlete.Id.ToString(), pendingForCoach["athlete"]!["id"]!.GetValue<string>());
        Assert.Null(pendingForAthlete["coach"]);
        Assert.Equal("ACTIVE", active["status"]!.GetValue<string>());
        Assert.Equal(coach.Id.ToString(), active["coach"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Demo_coach_is_linked_to_the_demo_athlete_and_athletes_never_read_each_other()
    {
        var other = await api.CreateUserAsync(UserRole.Athlete);
        using var coach = await api.CreateClientForAsync(DemoUsers.Coach);
        using var otherClient = await api.CreateClientForAsync(other);

        var coachRead = await coach.PostGraphQLAsync(SessionsOf, new { athleteId = DemoUsers.Athlete.Id });
        var athleteRead = await otherClient.PostGraphQLAsync(SessionsOf, new { athleteId = DemoUsers.Athlete.Id });
        var coachWithoutAthlete = await coach.PostGraphQLAsync(SessionsOf);

        Assert.Null(coachRead.Errors);
        Assert.Equal("FORBIDDEN", athleteRead.FirstErrorCode);
        Assert.Equal("VALIDATION", coachWithoutAthlete.FirstErrorCode);
    }
}
