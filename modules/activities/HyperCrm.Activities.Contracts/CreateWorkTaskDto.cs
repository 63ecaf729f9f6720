using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Activities;

public sealed class CreateWorkTaskDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(200, MinimumLength = 1, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [StringLength(2000, ErrorMessage = "Validation:StringLength")]
    public string? Description { get; set; }

    public WorkTaskPriority Priority { get; set; } = WorkTaskPriority.Normal;

    public DateOnly? DueDate { get; set; }

    /// <summary>Who does it; the creator when empty.</summary>
    public Guid? AssigneeId { get; set; }

    [StringLength(256, ErrorMessage = "Validation:StringLength")]
    public string? AssigneeName { get; set; }

    public LinkKind LinkKind { get; set; }

    public Guid? LinkId { get; set; }

    /// <summary>The customer whose timeline shows the task (the linked customer, or the deal's or order's customer).</summary>
    public Guid? CustomerId { get; set; }

    /// <summary>An idempotency key (an automation run's step): creating again with it returns the first task.</summary>
    [StringLength(120, ErrorMessage = "Validation:StringLength")]
    public string? SourceKey { get; set; }
}
