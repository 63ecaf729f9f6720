using HyperCrm.Framework.Application;

namespace HyperCrm.Identity.Users;

public interface IUserAppService
{
    Task<PagedResultDto<UserDto>> GetListAsync(GetUserListInput input, CancellationToken cancellationToken = default);

    Task<UserDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<InvitationDto> InviteAsync(InviteUserDto input, CancellationToken cancellationToken = default);

    Task SetRolesAsync(Guid id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default);

    Task SetActiveAsync(Guid id, bool isActive, CancellationToken cancellationToken = default);

    Task UnlockAsync(Guid id, CancellationToken cancellationToken = default);
}
