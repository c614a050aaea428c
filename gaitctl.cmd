@echo off
rem gaitctl launcher for Windows: builds the runnable jar when it is missing, then runs it.
rem Set GAITCTL_REBUILD=1 to rebuild after changing the sources.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%app\target\gaitctl.jar"
if "%GAITCTL_REBUILD%"=="1" goto build
if exist "%JAR%" goto run
:build
echo gaitctl: building %JAR% with Maven (once). The first build downloads Maven's plugins and gaitctl's dependencies, which can take a few minutes; Maven's progress follows. 1>&2
rem cmd cannot tell a console from a pipe: batch mode and no colour codes, so a log stays clean.
call mvn -B -Dstyle.color=never -f "%HERE%pom.xml" -Dmaven.test.skip=true -Dspotless.check.skip=true package -pl app -am 1>&2
if errorlevel 1 exit /b %errorlevel%
echo gaitctl: built %JAR% 1>&2
:run
rem JVM options as in the sh launcher: see docs/PERFORMANCE.md ("JVM options").
java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -XX:+UseG1GC -XX:MaxGCPauseMillis=10 -XX:+PerfDisableSharedMem %GAITCTL_JAVA_OPTS% -jar "%JAR%" %*
