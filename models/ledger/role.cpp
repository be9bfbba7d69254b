#include "role.h"

QString roleName(Role role) {
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Support:
        return QStringLiteral("support");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name) {
    for (Role r : {Role::Viewer, Role::Support, Role::Supervisor, Role::Admin})
        if (roleName(r) == name)
            return r;
    return std::nullopt;
}
