using System.Linq.Expressions;

namespace ItqanRecording.Infrastructure.Persistence.SessionKinds;

/// <summary>A one-parameter lambda's body with its parameter replaced, so lambdas can be combined into one query.</summary>
internal sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
{
    public static Expression Replace(LambdaExpression lambda, Expression replacement) =>
        new ParameterReplacer(lambda.Parameters[0], replacement).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
}
