# SPDX-License-Identifier: MIT
# Install layout and packages (issue #15): `cmake --install build --prefix P` puts the binary in
# P/bin, the rendering module (PDF, poster, XLSX, DOCX pictures) in P/lib/lotse and the data set
# (data/*.json, VERSION, README.md) in P/share/lotse, where the binary finds them relative to its own
# location (reports/render_api.h, cli/data_location.h). `cpack -G DEB` in the build folder makes a
# .deb whose Depends come from dpkg-shlibdeps (Debian package names of the linked libraries).
include(GNUInstallDirs)

install(TARGETS lotse RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT lotse)
install(TARGETS lotse_render LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/lotse COMPONENT lotse)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/lotse COMPONENT lotse
        FILES_MATCHING PATTERN "*.json" PATTERN "VERSION" PATTERN "README.md")

set(CPACK_PACKAGE_NAME "prozesslotse")
set(CPACK_PACKAGE_VENDOR "Prozesslotse")
set(CPACK_PACKAGE_CONTACT "Prozesslotse <prozesslotse@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Prozesslotse: media breaks, workload and digitisation measures for municipal process models")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dlopen()ed on first use (engine/zip_library.h), so dpkg-shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libzip4")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/prozesslotse")
include(CPack)
