# Writes buildinfo.h with the git revision of the source tree. Run at build time (target walletdesk_buildinfo in
# models/CMakeLists.txt), not at configure time, so a commit made after configuring still shows in --version and
# the About dialog. configure_file() leaves the header untouched when the revision did not change, so a build
# recompiles the few files that include it only when it did.
#   cmake -DSOURCE_DIR=... -DTEMPLATE=buildinfo.h.in -DOUTPUT=.../buildinfo.h -DGIT=/usr/bin/git -P buildinfo.cmake
set(WALLETDESK_GIT_REVISION "unknown") # a source tarball without .git
if(GIT AND EXISTS "${SOURCE_DIR}/.git")
    execute_process(COMMAND "${GIT}" rev-parse --short=10 HEAD WORKING_DIRECTORY "${SOURCE_DIR}"
                    OUTPUT_VARIABLE revision OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE failed ERROR_QUIET)
    if(NOT failed AND revision)
        set(WALLETDESK_GIT_REVISION "${revision}")
        # Uncommitted changes to tracked files: say so rather than claim the commit's exact code. (The index's
        # stat data is refreshed first, or a touched but unchanged file would count as a change.)
        execute_process(COMMAND "${GIT}" update-index -q --refresh WORKING_DIRECTORY "${SOURCE_DIR}"
                        OUTPUT_QUIET ERROR_QUIET)
        execute_process(COMMAND "${GIT}" diff-index --quiet HEAD -- WORKING_DIRECTORY "${SOURCE_DIR}"
                        RESULT_VARIABLE modified ERROR_QUIET)
        if(modified)
            string(APPEND WALLETDESK_GIT_REVISION "-modified")
        endif()
    endif()
endif()
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
