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

    public static BotDefinition Definition { get; } = new()
    {
        AllowedHosts = [BotDefinition.SandboxHost],
        Parameters =
        [
            new("portal", "{{sandbox.url}}/supplier", "the portal's address"),
            new("order_number", null, "the CRM order's number"),
            new("reference", null, "our reference: each purchase order gets it with the line's SKU"),
            new("lines", null, "what to order: a list of {sku, quantity}"),
        ],
        Outcome = Found,
        Steps =
        [
            new() { Kind = BotStepKind.Goto, Target = "{{portal}}/", Description = "Open the portal's sign-in page" },
            new() { Kind = BotStepKind.Fill, Target = "#username", Value = "{{credentials.username}}", Description = "Enter the user name" },
            new() { Kind = BotStepKind.Fill, Target = "#password", Value = "{{credentials.password}}", Description = "Enter the password" },
            new() { Kind = BotStepKind.Click, Target = "#sign-in", Description = "Sign in" },
            new() { Kind = BotStepKind.AssertAbsent, Target = "#login-error", Description = "Check the portal accepted the sign-in" },
            new()
            {
                Kind = BotStepKind.Repeat, Target = "lines", Description = "Order each missing line",
                Steps =
                [
                    new() { Kind = BotStepKind.Goto, Target = "{{portal}}/orders", Description = "Open the list of our purchase orders" },
                    new()
                    {
                        Kind = BotStepKind.Extract, Target = $"#orders tr:has(td.reference:text-is(\"{Reference}\")) td.po", Variable = Found,
                        Optional = true, Description = "Look for a purchase order already placed for {{line.sku}}",
                    },
                    new()
                    {
                        Kind = BotStepKind.Goto, Target = "{{portal}}/order?sku={{line.sku}}", SkipIf = Found,
                        Description = "Open the order form for {{line.sku}}",
                    },
                    new() { Kind = BotStepKind.Fill, Target = "#quantity", Value = "{{line.quantity}}", SkipIf = Found,
                        Description = "Enter the quantity ({{line.quantity}})" },
                    new() { Kind = BotStepKind.Fill, Target = "#reference", Value = Reference, SkipIf = Found,
                        Description = "Enter our reference" },
                    new() { Kind = BotStepKind.Fill, Target = "#note", Value = "For order #{{order_number}}", SkipIf = Found,
                        Description = "Enter a note" },
                    new() { Kind = BotStepKind.Click, Target = "#submit-order", SkipIf = Found, Description = "Submit the purchase order" },
                    new() { Kind = BotStepKind.Extract, Target = "#po-number", Variable = Found, SkipIf = Found,
                        Description = "Read the purchase order's number" },
                ],
            },
        ],
    };
}
