using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Common.Idempotency;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Plans;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Coaching.Proposals;

/// <summary>A proposal as the API shows it, with whether the week has changed since it was made.</summary>
public sealed record PlanProposalView(PlanProposal Proposal, IReadOnlyList<ProposalItem> Items, bool Stale);

/// <summary>A decision's result: the proposal as decided and the week as it stands now.</summary>
public sealed record ProposalDecision(PlanProposalView Proposal, WeeklyPlanView Plan);

/// <summary>
/// Proposals of plan changes: made (by the coach agent, the offline rules, or a coach by hand), read, and
/// decided by the athlete. Each item is checked by the code that checks a manual plan edit
/// (<see cref="PlanEdits.Check"/>), against the week as it stands with the items before it applied. A
/// decision applies the accepted items as one change of the week's edits (one version bump, so the plan's
/// ETag changes), under the week's row lock, idempotent by clientMutationId; a proposal made from a plan
/// version that has since changed is refused (<see cref="ProposalStaleException"/>).
/// </summary>
public sealed class PlanProposals(IDbContextFactory<WorkoutDb> dbFactory, IdempotentMutations idempotent, AthleteAccess access, WeeklyPlanService plans, TimeProvider clock)
{
    public const int MaxSummaryLength = 500;

    public const int MaxHistory = 20;

    /// <summary>The most proposals a week lists (newest first).</summary>
    public const int MaxPerWeek = 10;

    /// <summary>
    /// Checks the drafts against the athlete's week as it stands, one after the other, and gives each its
    /// before and after. Throws the first item's VALIDATION (field <c>items[i]…</c>) or NOT_FOUND error.
    /// </summary>
    public async Task<(IReadOnlyList<ProposalItem> Items, string Version)> CheckAsync(Guid athleteId, DateOnly week, IReadOnlyList<ProposalItemDraft> drafts, CancellationToken ct)
    {
        if (drafts.Count is 0 or > ProposalItems.MaxItems)
        {
            throw new ValidationException("items", $"a proposal holds 1 to {ProposalItems.MaxItems} changes.");
        }

        // Version first: if the plan changes between the two reads, the proposal is stale, never wrong.
        var version = await plans.VersionAsync(athleteId, week, ct);
        var (generated, training, progress) = await plans.GenerateAsync(athleteId, week, ct);
        var current = (await plans.GetAsync(athleteId, week, ct)).Plan;
        var exercises = await plans.ExercisesNamedAsync(athleteId, [.. drafts.Select(d => d.Edit)], ct);
        var planNew = PlanEditPlanner.For(training, generated, progress);
        var items = new List<ProposalItem>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var (edit, why, citations) = drafts[i];
            if (string.IsNullOrWhiteSpace(why) || why.Length > ProposalItems.MaxWhyLength)
            {
                throw new ValidationException($"items[{i}].why", $"must be 1 to {ProposalItems.MaxWhyLength} characters.");
            }

            try
            {
                PlanEdits.Check(current, edit, exercises);
            }
            catch (ValidationException invalid)
            {
                throw new ValidationException($"items[{i}].{invalid.Field}", invalid.Message[(invalid.Field.Length + 2)..]);
            }

            var next = PlanEdits.Apply(current, [edit], exercises, planNew);
            items.Add(new ProposalItem(edit, Find(current, edit.DayNumber, edit.ExerciseId), Find(next, edit.DayNumber, edit.WithExerciseId ?? edit.ExerciseId), why.Trim(), [.. citations.Take(ProposalItems.MaxCitations)]));
            current = next;
        }

        return (items, version);
    }

    /// <summary>
    /// Stores a proposal the caller may make for the athlete (checked by the caller), once: the same
    /// changes to the same version of the week by the same author find the proposal already stored.
    /// </summary>
    public async Task<PlanProposalView> CreateAsync(
        Guid athleteId, DateOnly week, ProposalAuthor author, Guid authorUserId, string summary, IReadOnlyList<ProposalItemDraft> drafts, CancellationToken ct)
    {
        var (items, version) = await CheckAsync(athleteId, week, drafts, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await InsertAsync(db, athleteId, week, author, authorUserId, summary, items, version, ct);
        return new PlanProposalView(proposal, items, Stale: false);
    }

    /// <summary>A coach writes a proposal by hand for a linked athlete to approve.</summary>
    public async Task<Idempotent<PlanProposalView>> ProposeAsync(User caller, ProposePlanChangesInput input, CancellationToken cancellationToken)
    {
        if (caller.Role != UserRole.Coach)
        {
            throw new ForbiddenException("Only a coach proposes changes; an athlete edits their plan.");
        }

        var athleteId = await access.ResolveReadableAthleteAsync(caller, input.AthleteId, cancellationToken);
        var summary = input.Summary.Trim();
        if (summary.Length is 0 or > MaxSummaryLength)
        {
            throw new ValidationException("summary", $"must be 1 to {MaxSummaryLength} characters.");
        }

        var week = await WeekAsync(caller, athleteId, input.WeekStart, cancellationToken);
        var drafts = input.Items.Select(i => new ProposalItemDraft(i.ToEdit(), i.Why, [])).ToList();
        var (items, version) = await CheckAsync(athleteId, week, drafts, cancellationToken);
        return await idempotent.RunAsync(
            caller.Id, input.ClientMutationId, "proposePlanChanges", new { AthleteId = athleteId, Week = week, Summary = summary, Edits = drafts.Select(d => new { d.Edit, d.Why }) },
            async (db, ct) =>
            {
                var proposal = await InsertAsync(db, athleteId, week, ProposalAuthor.Coach, caller.Id, summary, items, version, ct);
                return (new PlanProposalView(proposal, items, Stale: false), proposal.Id.ToString());
            },
            async (db, id, ct) => await ViewAsync(await db.PlanProposals.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(id!), ct), ct),
            cancellationToken);
    }

    /// <summary>
    /// The athlete accepts some (or all, or none) of a proposal's items. The accepted ones become edits of
    /// the week in one change (one version bump); none accepted changes nothing in the plan. The decision is
    /// kept on the proposal. Only the athlete decides.
    /// </summary>
    public async Task<Idempotent<ProposalDecision>> DecideAsync(User caller, DecidePlanProposalInput input, CancellationToken cancellationToken)
    {
        var accepted = input.AcceptedItems.ToArray();
        PlanProposal proposal;
        await using (var read = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            proposal = await read.PlanProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.ProposalId, cancellationToken)
                ?? throw NotYours();
        }

        if (proposal.AthleteId != caller.Id)
        {
            throw NotYours();
        }

        var items = ProposalItems.Deserialize(proposal.Items);
        if (accepted.Distinct().Count() != accepted.Length || accepted.Any(i => i < 0 || i >= items.Count))
        {
            throw new ValidationException("acceptedItems", $"must be different item indexes from 0 to {items.Count - 1}.");
        }

        Array.Sort(accepted);
        var now = clock.GetUtcNow();
        var athleteId = proposal.AthleteId;
        var week = proposal.WeekStart;
        return await idempotent.RunAsync(
            caller.Id, input.ClientMutationId, "decidePlanProposal", new { input.ProposalId, Accepted = accepted },
            async (db, ct) =>
            {
                if (accepted.Length > 0)
                {
                    await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO plan_edits (athlete_id, week_start, version, edits, updated_at, updated_by)
                        VALUES ({athleteId}, {week}, 0, '[]'::jsonb, {now}, {caller.Id})
                        ON CONFLICT (athlete_id, week_start) DO NOTHING
                        """, ct);
                }

                var row = await db.PlanEdits.FromSql($"SELECT * FROM plan_edits WHERE athlete_id = {athleteId} AND week_start = {week} FOR UPDATE").SingleOrDefaultAsync(ct);
                var stored = await db.PlanProposals.FromSql($"SELECT * FROM plan_proposals WHERE id = {proposal.Id} FOR UPDATE").SingleAsync(ct);
                if (stored.Status != ProposalStatus.Open)
                {
                    throw new ProposalDecidedException();
                }

                if (await WeeklyPlanService.VersionAsync(db, athleteId, week, ct) != stored.BasedOnVersion)
                {
                    throw new ProposalStaleException();
                }

                if (row is not null && accepted.Length > 0)
                {
                    var edits = PlanEdits.Deserialize(row.Edits).ToList();
                    var chosen = accepted.Select(i => items[i].Edit).ToList();
                    if (edits.Count + chosen.Count > PlanEdits.MaxEditsPerWeek)
                    {
                        throw new ValidationException("acceptedItems", $"a week takes at most {PlanEdits.MaxEditsPerWeek} edits; reset it to start again.");
                    }

                    // The same check as a manual edit, against the week with the accepted items before it applied.
                    var current = await plans.GetAsync(athleteId, week, row, ct);
                    var exercises = await plans.ExercisesNamedAsync(athleteId, chosen, ct);
                    foreach (var edit in chosen)
                    {
                        PlanEdits.Check(current.Plan, edit, exercises);
                        edits.Add(edit);
                        row.Edits = PlanEdits.Serialize(edits);
                        current = await plans.GetAsync(athleteId, week, row, ct);
                    }

                    row.Version++;
                    row.UpdatedAt = now;
                    row.UpdatedBy = caller.Id;
                    stored.AppliedEditsVersion = row.Version;
                }

                stored.Status = accepted.Length == 0 ? ProposalStatus.Rejected : accepted.Length == items.Count ? ProposalStatus.Accepted : ProposalStatus.PartlyAccepted;
                stored.AcceptedItems = accepted;
                stored.DecidedBy = caller.Id;
                stored.DecidedAt = now;
                // A decided proposal frees its fingerprint: the same change proposed again on a plan back at this
                // version (after a reset) is a new open proposal, not this decided one answered again.
                stored.Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{stored.Fingerprint}|decided|{stored.Id}")));
                await db.SaveChangesAsync(ct);
                var view = new PlanProposalView(stored, items, Stale: false);
                return (new ProposalDecision(view, await plans.GetAsync(athleteId, week, row, ct)), stored.Id.ToString());
            },
            async (db, _, ct) =>
            {
                var decided = await db.PlanProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id, ct);
                return new ProposalDecision(await ViewAsync(decided, ct), await plans.GetAsync(athleteId, week, ct));
            },
            cancellationToken);
    }

    /// <summary>A proposal the reader may see (the athlete's, or a linked coach's athlete's); FORBIDDEN otherwise, and for an unknown id alike.</summary>
    public async Task<PlanProposalView> GetAsync(User reader, Guid proposalId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.PlanProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId, ct)
            ?? throw NotYours();
        try
        {
            await access.EnsureCanReadAsync(reader, proposal.AthleteId, ct);
        }
        catch (DomainException)
        {
            throw NotYours();
        }

        return await ViewAsync(proposal, ct);
    }

    /// <summary>Someone else's proposal answers as an unknown one does, so ids tell nothing about who has proposals.</summary>
    private static ForbiddenException NotYours() => new("No proposal of yours (or of an athlete you coach) has this id; only the athlete decides on a proposal.");

    /// <summary>The proposals for an athlete's week (null: every week, the history), newest first.</summary>
    public async Task<IReadOnlyList<PlanProposalView>> ListAsync(Guid athleteId, DateOnly? week, int first, CancellationToken ct)
    {
        if (first is < 1 or > MaxHistory)
        {
            throw new ValidationException("first", $"must be between 1 and {MaxHistory}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.PlanProposals.AsNoTracking().Where(p => p.AthleteId == athleteId);
        if (week is { } w)
        {
            query = query.Where(p => p.WeekStart == w);
        }

        var rows = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(first).ToListAsync(ct);
        var versions = new Dictionary<DateOnly, string>();
        var views = new List<PlanProposalView>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Status == ProposalStatus.Open && !versions.ContainsKey(row.WeekStart))
            {
                versions[row.WeekStart] = await WeeklyPlanService.VersionAsync(db, athleteId, row.WeekStart, ct);
            }

            views.Add(new PlanProposalView(row, ProposalItems.Deserialize(row.Items), row.Status == ProposalStatus.Open && versions[row.WeekStart] != row.BasedOnVersion));
        }

        return views;
    }

    public async Task<DateOnly> WeekAsync(User caller, Guid athleteId, DateOnly? weekStart, CancellationToken ct)
    {
        var zone = weekStart is null ? await access.TimeZoneOfAsync(caller, athleteId, ct) : TimeZoneInfo.Utc;
        return BodyMap.BodyMapQueries.WeekArgument(weekStart, clock, zone);
    }

    private async Task<PlanProposalView> ViewAsync(PlanProposal proposal, CancellationToken ct)
    {
        var stale = proposal.Status == ProposalStatus.Open && await plans.VersionAsync(proposal.AthleteId, proposal.WeekStart, ct) != proposal.BasedOnVersion;
        return new PlanProposalView(proposal, ProposalItems.Deserialize(proposal.Items), stale);
    }

    private async Task<PlanProposal> InsertAsync(
        WorkoutDb db, Guid athleteId, DateOnly week, ProposalAuthor author, Guid authorUserId, string summary, IReadOnlyList<ProposalItem> items, string version, CancellationToken ct)
    {
        var edits = ProposalItems.SerializeEdits([.. items.Select(i => i.Edit)]);
        var who = author == ProposalAuthor.Coach ? authorUserId.ToString() : "";
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{week:yyyy-MM-dd}|{version}|{author}|{who}|{edits}")));
        var id = Guid.CreateVersion7();
        var text = summary.Length > MaxSummaryLength ? summary[..MaxSummaryLength] : summary;
        var json = ProposalItems.Serialize(items);
        var authorName = author.ToString();
        var status = nameof(ProposalStatus.Open);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO plan_proposals (id, athlete_id, week_start, based_on_version, author, author_user_id, summary, items, fingerprint, created_at, status)
            VALUES ({id}, {athleteId}, {week}, {version}, {authorName}, {authorUserId}, {text}, {json}::jsonb, {fingerprint}, {now}, {status})
            ON CONFLICT (athlete_id, fingerprint) DO NOTHING
            """, ct);
        return await db.PlanProposals.AsNoTracking().SingleAsync(p => p.AthleteId == athleteId && p.Fingerprint == fingerprint, ct);
    }

    private static ProposedTargets? Find(WeeklyPlan plan, int day, string exerciseId) =>
        plan.Days.FirstOrDefault(d => d.DayNumber == day)?.Exercises.FirstOrDefault(e => e.ExerciseId == exerciseId) is { } planned
            ? ProposedTargets.Of(planned, plan.Unit)
            : null;
}
