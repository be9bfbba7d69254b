# cpack reads this once per package format (CPACK_PROJECT_CONFIG_FILE in packaging/CMakeLists.txt).
if(CPACK_GENERATOR STREQUAL "DEB")
    # CPackDeb puts the project-wide summary in front of each package's own description, whose first line is
    # that package's summary already (CPACK_DEBIAN_<COMPONENT>_DESCRIPTION).
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
endif()
