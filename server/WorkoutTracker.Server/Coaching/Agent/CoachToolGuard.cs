using Microsoft.SemanticKernel;

namespace WorkoutTracker.Server.Coaching.Agent;

/// <summary>
/// Stands between the model's tool calls and the plugins (an auto function invocation filter):
/// <list type="bullet">
/// <item>Bounds the rounds: a model response that calls tools after <c>maxRounds</c> of them gets
/// "budget used up" results instead of data and the loop stops (<see cref="AutoFunctionInvocationContext.Terminate"/>
/// on the round's last call, so every call has its result); the caller then asks once more, without tools.</item>
/// <item>Refuses a call whose arguments name someone (an athlete or user argument, or any id) other than
/// the scoped athlete. The plugins take no such argument and read only the scope anyway; the refusal
/// tells the model so instead of letting it believe it read another athlete.</item>
/// </list>
/// </summary>
public sealed class CoachToolGuard(CoachScope scope, int maxRounds) : IAutoFunctionInvocationFilter
{
    public const string BudgetUsedUp = """{"error":"The tool budget for this question is used up. Answer now from the data you already have."}""";
    public const string OtherAthleteRefused = """{"error":"Refused: this conversation can only read the data of the athlete it is about. Other athletes' data is not available."}""";

    private int _refused;

    public bool RoundsExhausted { get; private set; }

    public int Refused => _refused;

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        if (context.RequestSequenceIndex >= maxRounds)
        {
            RoundsExhausted = true;
            context.Result = new FunctionResult(context.Function, BudgetUsedUp);
            context.Terminate = context.FunctionSequenceIndex == context.FunctionCount - 1;
            return;
        }

        if (NamesSomeoneElse(context.Arguments))
        {
            Interlocked.Increment(ref _refused);
            context.Result = new FunctionResult(context.Function, OtherAthleteRefused);
            return;
        }

        await next(context);
    }

    private bool NamesSomeoneElse(KernelArguments? arguments) =>
        arguments is not null && arguments.Any(argument =>
        {
            var value = argument.Value?.ToString()?.Trim();
            var aboutSomeone = argument.Key.Contains("athlete", StringComparison.OrdinalIgnoreCase)
                || argument.Key.Contains("user", StringComparison.OrdinalIgnoreCase);
            var isId = Guid.TryParse(value, out var id);
            return (aboutSomeone && !string.IsNullOrEmpty(value) && !(isId && id == scope.AthleteId))
                || (isId && id != scope.AthleteId);
        });
}
