using WorkoutTracker.Server.Exercises;

namespace WorkoutTracker.Server.Plans;

/// <summary>
/// A compound movement a day template asks for. Optional slots are filled only when the session has
/// time left after every muscle of the week has been given an exercise.
/// </summary>
/// <param name="Pattern">The movement pattern to fill.</param>
/// <param name="Role"><see cref="ExerciseRole.Main"/> (a staple lift) or <see cref="ExerciseRole.Secondary"/>.</param>
/// <param name="Optional">Filled last, time permitting.</param>
public sealed record CompoundSlot(MovementPattern Pattern, ExerciseRole Role, bool Optional = false);

/// <summary>
/// The shape of one training day: its name, focus and compound slots in priority order. Accessories
/// are not listed: the generator chooses them for the muscles the week still lacks and the focus owns.
/// </summary>
public sealed record DayTemplate(string Name, DayFocus Focus, IReadOnlyList<CompoundSlot> Slots);
