using System.Runtime.CompilerServices;

namespace HyperCrm.Framework.Domain;

/// <summary>Guards for constructor and method arguments of domain objects.</summary>
public static class Check
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class =>
        value ?? throw new ArgumentNullException(name);

    public static string NotNullOrWhiteSpace(string? value, [CallerArgumentExpression(nameof(value))] string? name = null,
        int maxLength = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} can not be empty.", name);
        if (value.Length > maxLength) throw new ArgumentException($"{name} can not be longer than {maxLength} characters.", name);
        return value;
    }

    public static string? Length(string? value, int maxLength, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is not null && value.Length > maxLength)
            throw new ArgumentException($"{name} can not be longer than {maxLength} characters.", name);
        return value;
    }

    public static T Positive<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : System.Numerics.INumber<T>
    {
        if (value <= T.Zero) throw new ArgumentException($"{name} must be positive.", name);
        return value;
    }
}
