using HyperCrm.Robots.Domain.Bots;

namespace HyperCrm.Robots.Application;

/// <summary>
/// "Supplier portal purchase order": signs in to the supplier's portal (no API) and, for each of the order's missing lines,
/// first looks in the portal's list of purchase orders for one with this line's reference (placed by an earlier attempt
/// that crashed after submitting), and only if there is none fills in and submits the order form, then reads the PO
/// number from the confirmation page. So however often it is retried, each line has exactly one purchase order.
/// </summary>
public static class SupplierBot
{
    public const string Key = "supplier-purchase-order";

    private const string Reference = "{{reference}}-{{line.sku}}";
    private const string Found = "po_number";

    /// <summary>The definition, its words (descriptions) in the language <paramref name="text"/> gives them for a key of the
    /// Robots resource (<c>SupplierBot:…</c>).</summary>
    public static BotDefinition Definition(Func<string, string> text) => new()
    {
        AllowedHosts = [BotDefinition.SandboxHost],
        Parameters =
        [
            new("portal", "{{sandbox.url}}/supplier", text("SupplierBot:Portal")),
            new("order_number", null, text("SupplierBot:OrderNumber")),
            new("reference", null, text("SupplierBot:Reference")),
            new("lines", null, text("SupplierBot:Lines")),
        ],
        Outcome = Found,
        Steps =
        [
            new() { Kind = BotStepKind.Goto, Target = "{{portal}}/", Description = text("SupplierBot:OpenSignIn") },
            new() { Kind = BotStepKind.Fill, Target = "#username", Value = "{{credentials.username}}",
                Description = text("SupplierBot:EnterUser") },
            new() { Kind = BotStepKind.Fill, Target = "#password", Value = "{{credentials.password}}",
                Description = text("SupplierBot:EnterPassword") },
            new() { Kind = BotStepKind.Click, Target = "#sign-in", Description = text("SupplierBot:SignIn") },
            new() { Kind = BotStepKind.AssertAbsent, Target = "#login-error", Description = text("SupplierBot:CheckSignIn") },
            new()
            {
                Kind = BotStepKind.Repeat, Target = "lines", Description = text("SupplierBot:EachLine"),
                Steps =
                [
                    new() { Kind = BotStepKind.Goto, Target = "{{portal}}/orders", Description = text("SupplierBot:OpenOrders") },
                    new()
                    {
                        Kind = BotStepKind.Extract, Target = $"#orders tr:has(td.reference:text-is(\"{Reference}\")) td.po",
                        Variable = Found,
                        Optional = true, Description = text("SupplierBot:LookForOrder"),
                    },
                    new()
                    {
                        Kind = BotStepKind.Goto, Target = "{{portal}}/order?sku={{line.sku}}", SkipIf = Found,
                        Description = text("SupplierBot:OpenForm"),
                    },
                    new() { Kind = BotStepKind.Fill, Target = "#quantity", Value = "{{line.quantity}}", SkipIf = Found,
                        Description = text("SupplierBot:EnterQuantity") },
                    new() { Kind = BotStepKind.Fill, Target = "#reference", Value = Reference, SkipIf = Found,
                        Description = text("SupplierBot:EnterReference") },
                    new() { Kind = BotStepKind.Fill, Target = "#note", Value = text("SupplierBot:Note"), SkipIf = Found,
                        Description = text("SupplierBot:EnterNote") },
                    new() { Kind = BotStepKind.Click, Target = "#submit-order", SkipIf = Found, Description = text("SupplierBot:Submit") },
                    new() { Kind = BotStepKind.Extract, Target = "#po-number", Variable = Found, SkipIf = Found,
                        Description = text("SupplierBot:ReadNumber") },
                ],
            },
        ],
    };
}
