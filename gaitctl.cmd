@echo off
rem gaitctl launcher for Windows: builds the runnable jar when it is missing, then runs it.
rem Set GAITCTL_REBUILD=1 to rebuild after changing the sources.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%app\target\gaitctl.jar"
if "%GAITCTL_REBUILD%"=="1" goto build
if exist "%JAR%" goto run
:build
echo gaitctl: building %JAR% (once) ... 1>&2
call mvn -B -q -f "%HERE%pom.xml" -Dmaven.test.skip=true -Dspotless.check.skip=true package -pl app -am 1>&2
if errorlevel 1 exit /b %errorlevel%
:run
java %GAITCTL_JAVA_OPTS% -jar "%JAR%" %*
