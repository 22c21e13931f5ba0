using System.Reflection;
using NetArchTest.Rules;

namespace ItqanRecording.Architecture.Tests;

/// <summary>
/// Dependencies point inwards: Domain knows nothing; Application knows Domain; Infrastructure and Api know
/// Application. Each rule is also run once against an assembly that breaks it, so a rule that checks nothing
/// (the wrong assembly, a misspelt namespace) fails here instead of passing forever.
/// </summary>
public class LayerDirectionTests
{
    private const string Domain = "ItqanRecording.Domain";
    private const string Application = "ItqanRecording.Application";
    private const string Infrastructure = "ItqanRecording.Infrastructure";
    private const string Api = "ItqanRecording.Api";

    private static readonly Assembly DomainAssembly = typeof(Domain.Recordings.Recording).Assembly;
    private static readonly Assembly ApplicationAssembly = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly InfrastructureAssembly = typeof(Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly ApiAssembly = typeof(Api.Http.ErrorMapping).Assembly;

    public static TheoryData<string, string[]> Rules() => new()
    {
        { Domain, [Application, Infrastructure, Api, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.Text.Json", "Mediator"] },
        { Application, [Infrastructure, Api, "Microsoft.AspNetCore", "Npgsql"] },
        { Infrastructure, [Api] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_layer_does_not_depend_on_outer_layers_or_frameworks(string layer, string[] forbidden)
    {
        var result = Types.InAssembly(AssemblyOf(layer)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        result.IsSuccessful.Should().BeTrue(
            "{0} must not use {1}, but these types do: {2}", layer, string.Join(", ", forbidden), string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// The use cases talk to a session only through <c>IRecordingCapable</c> (docs/adr/0012): no session class and no
    /// kind's own entities, so a new kind is a class and a registration, not an edit of the use cases.
    /// </summary>
    [Fact]
    public void The_application_knows_sessions_only_by_their_contract()
    {
        var result = Types.InAssembly(ApplicationAssembly).ShouldNot().HaveDependencyOnAny(SessionClassesAndTheirEntities).GetResult();

        result.IsSuccessful.Should().BeTrue(
            "use cases reach sessions through IRecordingCapable, but these types use a session class: {0}",
            string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [InlineData(Infrastructure, "ItqanRecording.Domain.Sessions.LiveSession")]
    [InlineData(Infrastructure, Application)]
    [InlineData(Api, Infrastructure)]
    [InlineData(Application, Domain)]
    [InlineData(Application, "Microsoft.EntityFrameworkCore")]
    public void The_rule_catches_a_dependency_that_does_exist(string layer, string dependency)
    {
        var result = Types.InAssembly(AssemblyOf(layer)).ShouldNot().HaveDependencyOn(dependency).GetResult();

        result.IsSuccessful.Should().BeFalse("{0} really uses {1}, so the rule must report it", layer, dependency);
    }

    [Fact]
    public void Handlers_live_beside_their_message_named_for_what_it_is()
    {
        var handlers = Types.InAssembly(ApplicationAssembly).That().HaveNameEndingWith("Handler").GetTypes().ToList();

        handlers.Should().NotBeEmpty();
        foreach (var handler in handlers)
        {
            // Mediator's ICommandHandler<T> also implements ICommandHandler<T, Unit>: one message, seen twice.
            var handled = handler.GetInterfaces()
                .Where(i => i.IsGenericType && (i.Name.StartsWith("ICommandHandler", StringComparison.Ordinal)
                    || i.Name.StartsWith("IQueryHandler", StringComparison.Ordinal)))
                .ToList();
            var message = handled.Select(i => i.GetGenericArguments()[0]).Distinct().Should()
                .ContainSingle("{0} handles one message", handler.Name).Which;
            var suffix = handled[0].Name.StartsWith("ICommandHandler", StringComparison.Ordinal) ? "Command" : "Query";

            message.Name.Should().Be(handler.Name[..^"Handler".Length] + suffix, "a handler is named for the message it handles");
            message.Namespace.Should().Be(handler.Namespace, "{0} lives in the folder of its use case", message.Name);
        }
    }

    private static readonly string[] SessionClassesAndTheirEntities =
    [
        "ItqanRecording.Domain.Sessions.LiveSession",
        "ItqanRecording.Domain.Sessions.InteractiveCourseSession",
        "ItqanRecording.Domain.Sessions.QuranSession",
        "ItqanRecording.Domain.Sessions.AcademicSession",
        "ItqanRecording.Domain.Courses",
        "ItqanRecording.Domain.Quran",
        "ItqanRecording.Domain.Academic",
    ];

    private static Assembly AssemblyOf(string layer) => layer switch
    {
        Domain => DomainAssembly,
        Application => ApplicationAssembly,
        Infrastructure => InfrastructureAssembly,
        Api => ApiAssembly,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, null),
    };
}
