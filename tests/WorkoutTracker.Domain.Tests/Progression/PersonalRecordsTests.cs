using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Domain.Tests.Progression;

public class PersonalRecordsTests
{
    private static readonly PerformedSet[] _history = [new(100m, 5), new(105m, 3), new(60m, 12), new(140m, 1, IsWarmup: true)];

    private static IEnumerable<PersonalRecordKind> Kinds(PerformedSet set) => PersonalRecords.Detect(_history, set).Select(r => r.Kind);

    [Fact]
    public void Heavier_than_ever_breaks_heaviest_load_and_e1rm()
    {
        var records = PersonalRecords.Detect(_history, new PerformedSet(107.5m, 3));

        var heaviest = Assert.Single(records, r => r.Kind == PersonalRecordKind.HeaviestLoad);
        Assert.Equal((107.5m, (decimal?)105m), (heaviest.Value, heaviest.Previous));
        Assert.Contains(PersonalRecordKind.BestE1rm, records.Select(r => r.Kind));
        Assert.Contains(PersonalRecordKind.MostRepsAtLoad, records.Select(r => r.Kind)); // nothing at 107.5 or above before
    }

    [Fact]
    public void More_reps_at_100_kg_breaks_reps_and_e1rm_but_not_heaviest()
    {
        var records = PersonalRecords.Detect(_history, new PerformedSet(100m, 7));

        Assert.Equal([PersonalRecordKind.MostRepsAtLoad, PersonalRecordKind.BestE1rm], records.Select(r => r.Kind));
        Assert.Equal((7m, (decimal?)5m), (records[0].Value, records[0].Previous));
        Assert.Equal((123.33m, (decimal?)116.67m), (records[1].Value, records[1].Previous));
    }

    [Fact]
    public void Fewer_reps_at_a_lighter_load_than_a_heavier_set_is_no_rep_record() =>
        Assert.Empty(Kinds(new PerformedSet(95m, 5)));

    [Fact]
    public void Rep_record_at_a_load_never_lifted_counts_heavier_sets_only()
    {
        // 80 kg was never lifted; 100 × 5 and 105 × 3 are heavier with fewer reps, so 80 × 8 is a rep record there.
        Assert.Equal([PersonalRecordKind.MostRepsAtLoad], Kinds(new PerformedSet(80m, 8)));
        Assert.Empty(Kinds(new PerformedSet(60m, 12)));
    }

    [Fact]
    public void Warmups_neither_set_nor_break_records()
    {
        Assert.Empty(PersonalRecords.Detect(_history, new PerformedSet(200m, 5, IsWarmup: true)));

        // The 140 kg warm-up single in the history is not the heaviest load.
        Assert.Contains(PersonalRecordKind.HeaviestLoad, Kinds(new PerformedSet(110m, 1)));
    }

    [Fact]
    public void Equal_is_not_a_record() => Assert.Empty(Kinds(new PerformedSet(105m, 3)));

    [Fact]
    public void The_first_work_set_sets_every_record_with_no_previous_value()
    {
        var records = PersonalRecords.Detect([], new PerformedSet(60m, 8));

        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Null(r.Previous));
    }

    [Fact]
    public void A_set_of_zero_reps_breaks_nothing() => Assert.Empty(PersonalRecords.Detect([], new PerformedSet(300m, 0)));

    [Fact]
    public void Rated_set_e1rm_uses_the_rpe_chart()
    {
        // 100 × 5 @ 7 → 127.23 beats Epley's 116.67 for 100 × 5.
        var records = PersonalRecords.Detect(_history, new PerformedSet(100m, 5, 7m));

        var e1rm = Assert.Single(records);
        Assert.Equal((PersonalRecordKind.BestE1rm, 127.23m), (e1rm.Kind, e1rm.Value));
    }
}
