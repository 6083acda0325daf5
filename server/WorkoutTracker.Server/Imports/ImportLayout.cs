namespace WorkoutTracker.Server.Imports;

/// <summary>
/// Where an export keeps each fact: the column names of one app's CSV layout, told apart by its header.
/// Strong has written two layouts over the years (a <c>;</c>-separated one with "Weight Unit" and
/// "Workout Duration", and the current <c>,</c>-separated one with "Duration" and weights in the app's
/// unit, which the uploader states); Hevy writes <c>weight_kg</c> or <c>weight_lbs</c> by the account's unit.
/// </summary>
internal sealed record ImportLayout(
    ImportFormat Format,
    string Date,
    string? End,
    string? Duration,
    string WorkoutName,
    string? WorkoutNotes,
    string ExerciseName,
    string SetOrder,
    string? SetType,
    string Weight,
    string? WeightUnit,
    string Reps,
    string? Rpe,
    string? Seconds,
    string? Distance,
    string? Notes,
    string? SupersetId,
    bool WeightInPounds)
{
    public static ImportLayout? Recognise(IReadOnlyList<string> header)
    {
        bool Has(string name) => header.Contains(name, StringComparer.Ordinal);
        string? Maybe(string name) => Has(name) ? name : null;

        if (Has("exercise_title") && Has("start_time") && Has("set_index") && (Has("weight_kg") || Has("weight_lbs")) && Has("reps"))
        {
            var pounds = Has("weight_lbs");
            return new ImportLayout(
                ImportFormat.Hevy, "start_time", Maybe("end_time"), null, "title", Maybe("description"),
                "exercise_title", "set_index", Maybe("set_type"), pounds ? "weight_lbs" : "weight_kg", null, "reps",
                Maybe("rpe"), Maybe("duration_seconds"), Maybe("distance_km") ?? Maybe("distance_miles"),
                Maybe("exercise_notes"), Maybe("superset_id"), pounds);
        }

        if (Has("Date") && Has("Workout Name") && Has("Exercise Name") && Has("Set Order") && Has("Weight") && Has("Reps"))
        {
            return new ImportLayout(
                ImportFormat.Strong, "Date", null, Maybe("Duration") ?? Maybe("Workout Duration"), "Workout Name", Maybe("Workout Notes"),
                "Exercise Name", "Set Order", null, "Weight", Maybe("Weight Unit"), "Reps",
                Maybe("RPE"), Maybe("Seconds"), Maybe("Distance"), Maybe("Notes"), null, WeightInPounds: false);
        }

        return null;
    }
}
