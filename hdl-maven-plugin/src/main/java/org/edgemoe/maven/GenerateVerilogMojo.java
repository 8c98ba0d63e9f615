package org.edgemoe.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.edgemoe.hdl.check.Diagnostic;
import org.edgemoe.hdl.check.ElaborationException;
import org.edgemoe.hdl.emit.EmittedDesign;
import org.edgemoe.hdl.emit.VerilogEmitter;

/**
 * Elaborates a design of the project (or of its dependencies) and writes its Verilog, one module per file,
 * plus {@code manifest.json}, through {@link VerilogEmitter#write} (atomic: nothing is written on error).
 *
 * <p>Class loading: hdl-core is a dependency of this plugin, so its classes live once, in the plugin's
 * class realm. The project's output folder and its compile + runtime dependencies are loaded by a
 * {@link URLClassLoader} whose parent is the plugin's class loader (parent first), and the project's own
 * hdl-core jar is left off that path. So a design class, the project's {@code DesignProvider}s and this
 * mojo all see the same {@code Module}, {@code VerilogEmitter} and {@code ElaborationException} classes and
 * are called directly, without reflection beyond finding the generator. The price: the design is elaborated
 * with the plugin's hdl-core version (a warning says so when the project's differs).
 */
@Mojo(name = "generate-verilog", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class GenerateVerilogMojo extends AbstractMojo {
    static final String HDL_CORE = "hdl-core";

    /** A Module class name, pkg.Class#staticFactory, a Supplier&lt;Module&gt; class, a name a DesignProvider offers, or {@code default} (what the providers declare). */
    @Parameter(property = "hdl.generator", required = true)
    private String generator;

    /** Constructor or factory arguments, as strings, converted to the parameter types. */
    @Parameter(property = "hdl.parameters")
    private List<String> parameters;

    /** Where the Verilog and manifest.json go. */
    @Parameter(property = "hdl.outputDirectory", defaultValue = "${project.build.directory}/rtl")
    private File outputDirectory;

    @Parameter(property = "hdl.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("hdl.skip: nothing generated");
            return;
        }
        List<URL> urls = projectClasspath();
        ClassLoader pluginLoader = getClass().getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), pluginLoader)) {
            thread.setContextClassLoader(loader);
            VerilogEmitter emitter = Generators.resolve(generator, parameters, loader);
            EmittedDesign d = emitter.write(outputDirectory.toPath());
            getLog().info("generate-verilog " + generator + (parameters == null || parameters.isEmpty() ? "" : " " + parameters)
                    + ": " + d.files().size() + " Verilog files, tops " + d.tops() + ", manifest.json in " + outputDirectory);
        } catch (ElaborationException e) {
            throw new MojoFailureException(failureMessage(generator, e));
        } catch (Generators.GeneratorException e) {
            throw new MojoFailureException("generate-verilog: " + e.getMessage(), e);
        } catch (UncheckedIOException | IOException e) {
            throw new MojoExecutionException("generate-verilog: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    /** One line per error, {@code File.java:line: message}, as javac would print them. */
    static String failureMessage(String generator, ElaborationException e) {
        List<Diagnostic> ds = e.diagnostics();
        StringBuilder sb = new StringBuilder("generate-verilog " + generator + ": " + ds.size()
                + (ds.size() == 1 ? " elaboration error" : " elaboration errors"));
        for (Diagnostic d : ds) {
            sb.append('\n').append(d);
        }
        return sb.toString();
    }

    private List<URL> projectClasspath() throws MojoExecutionException {
        List<String> elements;
        try {
            elements = project.getRuntimeClasspathElements();   // output folder + compile and runtime dependencies
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the project's classpath: " + e.getMessage(), e);
        }
        String pluginCoreVersion = pluginHdlCoreVersion();
        List<File> coreJars = new ArrayList<>();
        project.getArtifacts().stream()
                .filter(a -> a.getGroupId().equals("org.edgemoe") && a.getArtifactId().equals(HDL_CORE) && a.getFile() != null)
                .forEach(a -> {
                    coreJars.add(a.getFile().getAbsoluteFile());
                    if (pluginCoreVersion != null && !pluginCoreVersion.equals(a.getBaseVersion())) {
                        getLog().warn("the project uses hdl-core " + a.getBaseVersion() + " but designs are elaborated with the plugin's hdl-core "
                                + pluginCoreVersion);
                    }
                });
        List<URL> urls = new ArrayList<>();
        for (String e : elements) {
            File f = new File(e).getAbsoluteFile();
            if (coreJars.contains(f)) {
                continue;   // one copy of hdl-core: the plugin's (parent loader)
            }
            try {
                urls.add(f.toURI().toURL());
            } catch (MalformedURLException ex) {
                throw new MojoExecutionException("bad classpath element " + e, ex);
            }
        }
        if (getLog().isDebugEnabled()) {
            getLog().debug("generate-verilog classpath: " + urls);
        }
        return urls;
    }

    /** hdl-core's version in the plugin realm, from its jar's pom.properties (null when run from classes). */
    private static String pluginHdlCoreVersion() {
        try (var in = GenerateVerilogMojo.class.getClassLoader().getResourceAsStream("META-INF/maven/org.edgemoe/hdl-core/pom.properties")) {
            if (in == null) {
                return null;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }
}
