using Microsoft.AspNetCore.Http;

namespace AIOps.Server.Api;

/// <summary>Every API error is application/problem+json (RFC 9457) with a title a person can read.</summary>
internal static class ApiProblems
{
    public static IResult Create(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);

    public static IResult IncidentNotFound(string id) =>
        Create(StatusCodes.Status404NotFound, "incident not found", $"no incident with id '{id}'");

    public static IResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, "invalid request", detail);
}
