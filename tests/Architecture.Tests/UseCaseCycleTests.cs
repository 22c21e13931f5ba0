using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace ItqanRecording.Architecture.Tests;

/// <summary>
/// A use case is a folder, and so a namespace, <c>ItqanRecording.Application.&lt;Feature&gt;.&lt;UseCase&gt;</c>. One use
/// case may use another (reconciliation sends the egress events' commands), but never in a circle: a folder that
/// needs another folder that needs it back is one use case split in two, and neither can be read alone. What both
/// need lives beside them, in the feature's own namespace. The rule is also run once on a small assembly-local
/// fixture that has such a circle, so a rule that finds nothing fails here instead of passing forever.
/// </summary>
public class UseCaseCycleTests
{
    private const string Application = "ItqanRecording.Application";
    private const string Fixture = "ItqanRecording.Architecture.Tests.CycleFixture";

    [Fact]
    public void No_use_case_folder_depends_on_another_that_depends_back_on_it()
    {
        var cycles = Cycles(typeof(Application.DependencyInjection).Assembly, Application);

        cycles.Should().BeEmpty("a use-case folder must not depend on one that depends back on it: {0}", string.Join("; ", cycles));
    }

    [Fact]
    public void The_rule_finds_the_use_case_folders()
    {
        var useCases = UseCases(typeof(Application.DependencyInjection).Assembly, Application);

        useCases.Should().Contain([$"{Application}.EgressEvents.ProcessEgressEnded", $"{Application}.Recordings.StartRecording"]);
    }

    [Fact]
    public void The_rule_catches_a_cycle_that_does_exist()
    {
        var cycles = Cycles(typeof(UseCaseCycleTests).Assembly, Fixture);

        cycles.Should().Equal($"{Fixture}.Feature.Ping -> {Fixture}.Feature.Pong -> {Fixture}.Feature.Ping");
    }

    /// <summary>Every circle of dependencies between use-case folders, each written once, starting at its first folder.</summary>
    private static List<string> Cycles(Assembly assembly, string root)
    {
        var useCases = UseCases(assembly, root);
        var uses = useCases.ToDictionary(useCase => useCase, useCase => useCases
            .Where(other => other != useCase && Types.InAssembly(assembly)
                .That().ResideInNamespaceMatching($"^{Regex.Escape(useCase)}(\\.|$)")
                .And().HaveDependencyOn(other) // a namespace, matched whole: StartRecordingCommand is not StartRecordingX
                .GetTypes().Any())
            .ToList());

        var cycles = new List<string>();
        foreach (var start in useCases)
        {
            // Only circles whose smallest folder is this one, so each circle is reported once.
            var path = new List<string> { start };
            Walk(start);

            void Walk(string from)
            {
                foreach (var next in uses[from])
                {
                    if (next == start)
                    {
                        cycles.Add(string.Join(" -> ", path.Append(start)));
                    }
                    else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
                    {
                        path.Add(next);
                        Walk(next);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }

        return cycles;
    }

    /// <summary>
    /// The namespaces two levels below <paramref name="root"/> (feature, use case) that hold types. <c>Common</c> is
    /// no feature: its folders are the ports and building blocks every use case may use.
    /// </summary>
    private static List<string> UseCases(Assembly assembly, string root) =>
        Types.InAssembly(assembly).That().ResideInNamespaceStartingWith(root + ".").GetTypes()
            .Select(type => type.Namespace!.Split('.'))
            .Where(parts => parts.Length >= root.Split('.').Length + 2 && parts[root.Split('.').Length] != "Common")
            .Select(parts => string.Join('.', parts.Take(root.Split('.').Length + 2)))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
