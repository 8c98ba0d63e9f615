package org.edgemoe.hdl.core;

/**
 * A named group of hardware inside a module (SpinalHDL's Area): when a module field holds an Area, the
 * hardware in the area's own fields is named {@code <field>_<areaField>} (areas nest). Utilities such as
 * {@code org.edgemoe.hdl.lib.Counter} extend it so their registers get readable names.
 */
public abstract class Area {
    protected Area() { }
}
