using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Customers.Web.Pages.Customers;

/// <summary>Creates a customer (no id) or edits one; the concurrency stamp refuses to overwrite someone else's change.</summary>
[Authorize(CustomersPermissions.Default)]
public sealed class EditModel(ICustomerAppService customers, HyperCrm.Identity.Users.IUserAppService users,
    IAuthorizationService authorization, IStringLocalizer<CustomersResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public CreateCustomerDto Input { get; set; } = new();

    [BindProperty] public string? TagsText { get; set; }

    /// <summary>Other emails and phones, one per line, each optionally followed by a comma and a label.</summary>
    [BindProperty] public string? OtherContactsText { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? Line1 { get; set; }
    [BindProperty] public string? PostalCode { get; set; }
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public Guid? OwnerId { get; set; }

    /// <summary>Active staff who can own a customer.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await AllowedAsync()) return Forbid();
        await LoadStaffAsync();
        if (Id is not { } id) return Page();
        try
        {
            var c = await customers.GetAsync(id, cancellationToken: HttpContext.RequestAborted);
            Input = new CreateCustomerDto { Kind = c.Kind, Name = c.Name, Email = c.Email, Phone = c.Phone, Notes = c.Notes };
            TagsText = string.Join(", ", c.Tags);
            OtherContactsText = string.Join('\n', c.OtherContacts.Select(p => p.Label is null ? p.Value : $"{p.Value}, {p.Label}"));
            (Country, City, Line1, PostalCode) = (c.Address?.Country, c.Address?.City, c.Address?.Line1, c.Address?.PostalCode);
            Consent = c.MarketingConsent.Granted;
            OwnerId = c.OwnerId;
            ConcurrencyStamp = c.ConcurrencyStamp;
            return Page();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await AllowedAsync()) return Forbid();
        await LoadStaffAsync();
        if (!ModelState.IsValid) return Page();
        var tags = (TagsText ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var address = new AddressDto(Country, City, Line1, PostalCode);
        var others = ParseOtherContacts(OtherContactsText);
        try
        {
            CustomerDto saved;
            if (Id is { } id)
            {
                saved = await customers.UpdateAsync(id, new UpdateCustomerDto
                {
                    Name = Input.Name, Email = Input.Email ?? string.Empty, Phone = Input.Phone
                        ?? string.Empty, OtherContacts = others, Tags = tags, Address = address,
                    Notes = Input.Notes
                        ?? string.Empty, MarketingConsent = Consent, ConsentSource = "staff", ConcurrencyStamp = ConcurrencyStamp,
                    OwnerId = OwnerId ?? Guid.Empty,
                }, cancellationToken: HttpContext.RequestAborted);
            }
            else
            {
                Input.Tags = tags;
                Input.OtherContacts = others;
                Input.Address = address;
                Input.MarketingConsent = Consent ? true : null;
                Input.ConsentSource = "staff";
                Input.OwnerId = OwnerId;
                saved = await customers.CreateAsync(Input, cancellationToken: HttpContext.RequestAborted);
            }
            return RedirectToPage("./Details", new { id = saved.Id });
        }
        catch (BusinessException ex) when (ex is not EntityNotFoundException)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Customers:ConcurrencyConflict"]);
        }
        return Page();
    }

    private static List<ContactPointDto> ParseOtherContacts(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new ContactPointDto(parts[0].Contains('@', StringComparison.Ordinal) ? ContactKind.Email : ContactKind.Phone,
                parts[0], parts.Length > 1 ? parts[1] : null))
            .ToList();

    private async Task LoadStaffAsync() =>
        Staff = (await users.GetListAsync(new HyperCrm.Identity.Users.GetUserListInput { PageSize = 200 },
            HttpContext.RequestAborted)).Items
            .Where(u => u.IsActive && !u.InvitationPending).Select(u => (u.Id, u.DisplayName)).ToList();

    private async Task<bool> AllowedAsync() =>
        (await authorization.AuthorizeAsync(User, Id is null ? CustomersPermissions.Create : CustomersPermissions.Edit)).Succeeded;
}
