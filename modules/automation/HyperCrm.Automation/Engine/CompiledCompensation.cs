using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Domain.Expressions;

namespace HyperCrm.Automation.Engine;

/// <summary>The action that undoes a step, with its parameter templates compiled against the rule's fields.</summary>
public sealed record CompiledCompensation(ActionDescriptor Action, IReadOnlyDictionary<string, Template> Parameters);
