#pragma once

#include <QString>
#include <optional>

/// Operator roles, ordered: each role may do everything the roles below it may.
enum class Role { Viewer = 0, Support = 1, Supervisor = 2, Admin = 3 };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
