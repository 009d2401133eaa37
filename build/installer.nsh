; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
;
; Asysta is installed for the current user only: the encrypted data lives in that user's
; %LOCALAPPDATA%, and no administrator rights are needed in a gmina office. With oneClick: false
; and perMachine: false electron-builder would show the install-mode page ("only for me / for all
; users", with an untranslated "(must run as admin)"); forcing the per-user mode here skips it,
; in the installer and in the uninstaller (templates/nsis/multiUserUi.nsh, PAGE_INSTALL_MODE).
!macro customInstallMode
  StrCpy $isForceCurrentInstall "1"
  StrCpy $isForceMachineInstall "0"
!macroend
