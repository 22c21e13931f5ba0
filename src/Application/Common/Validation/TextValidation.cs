using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace ItqanRecording.Application.Common.Validation;

/// <summary>
/// Text that PostgreSQL cannot store: a NUL character (its text type cannot hold one) or half of a UTF-16 surrogate
/// pair (it has no UTF-8 form). Every message's text is checked here, before its validators and its handler, so such
/// text is a 400 naming the field instead of reaching the database (where it was a 500, and a NUL met by Npgsql's
/// automatic preparation left the pooled connection out of step for the next request).
/// </summary>
public static class TextValidation
{
    private const string UnstorableMessage =
        " holds a character that cannot be stored (a NUL character or half of a surrogate pair).";

    private static readonly ConcurrentDictionary<Type, TextProperty[]> PropertiesByType = new();

    /// <summary>Whether PostgreSQL can store <paramref name="text"/>.</summary>
    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A failure for each text in <paramref name="message"/> (its string properties, and those of the records and
    /// lists it holds, at any depth) that cannot be stored, named by the property's JSON name (<c>q</c>, <c>email</c>).
    /// </summary>
    public static List<ValidationFailure> FindUnstorableText(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var failures = new List<ValidationFailure>();
        Visit(message, failures, depth: 0);
        return failures;
    }

    private static void Visit(object value, List<ValidationFailure> failures, int depth)
    {
        const int MaxDepth = 8;
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in PropertiesByType.GetOrAdd(value.GetType(), TextPropertiesOf))
        {
            switch (property.Read(value))
            {
                case string text when !IsStorable(text):
                    failures.Add(Unstorable(property.Name));
                    break;
                case string:
                    break;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        if (item is string text && !IsStorable(text))
                        {
                            failures.Add(Unstorable(property.Name));
                        }
                        else if (item is not null and not string)
                        {
                            Visit(item, failures, depth + 1);
                        }
                    }

                    break;
                case { } nested:
                    Visit(nested, failures, depth + 1);
                    break;
            }
        }
    }

    private static ValidationFailure Unstorable(string name) => new(name, $"'{name}'{UnstorableMessage}");

    /// <summary>The properties of <paramref name="type"/> that hold text or may hold some further down.</summary>
    private static TextProperty[] TextPropertiesOf(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && MayHoldText(p.PropertyType))
            .Select(p => new TextProperty(JsonName(p.Name), p))];

    private static bool MayHoldText(Type type) =>
        type == typeof(string)
        || (typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(byte[]))
        || (type.IsClass && type.Namespace?.StartsWith("ItqanRecording.", StringComparison.Ordinal) == true);

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private sealed record TextProperty(string Name, PropertyInfo Property)
    {
        public object? Read(object owner) => Property.GetValue(owner);
    }
}
