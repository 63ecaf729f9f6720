namespace HyperCrm.Automation.Engine;

public enum InstructionKind { Action, JumpIfFalse, Jump, Wait, WaitForEvent, Stop }
