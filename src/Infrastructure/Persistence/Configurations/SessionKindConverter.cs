using ItqanRecording.Domain.Sessions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ItqanRecording.Infrastructure.Persistence.Configurations;

/// <summary>Stores a session kind as its name (<c>quran</c>), as <c>sessions.kind</c> does.</summary>
public sealed class SessionKindConverter() : ValueConverter<SessionKind, string>(kind => kind.Name, name => new SessionKind(name));
