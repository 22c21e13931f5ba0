using System.Text.Json;

namespace Itqan.Recording.Bench;

public static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
